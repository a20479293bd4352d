// Writes docs/asyncapi.yaml from the event registry in libs/shared/contracts. A unit test
// (asyncapi-document.spec.ts) fails while the committed file differs from what this would write.
// Usage: node scripts/asyncapi.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// @swc-node/register compiles the TypeScript sources on require and resolves the tsconfig path aliases.
process.env.SWC_NODE_PROJECT = path.join(root, 'tsconfig.json');
const require = createRequire(import.meta.url);
require('@swc-node/register');
const { ASYNCAPI_DOCUMENT_PATH, EVENT_REGISTRY, buildAsyncApiDocument, renderAsyncApiYaml } = require(
  path.join(root, 'libs/shared/contracts/src/index.ts'),
);

const target = path.join(root, ASYNCAPI_DOCUMENT_PATH);
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, renderAsyncApiYaml(buildAsyncApiDocument(EVENT_REGISTRY)));
console.log(`asyncapi: wrote ${path.relative(root, target)}`);
