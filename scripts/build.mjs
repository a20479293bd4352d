// Compiles apps, libs and tools to dist/ with swc (decorator metadata on, @supply-hub/* aliases rewritten
// to relative paths), so services run as plain `node dist/apps/<app>/src/main.js`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const { swcConfig } = require(path.join(root, 'swc.config.js'));

const config = swcConfig();
// Absolute: swc reads a relative baseUrl against the config file, which lives in .cache/.
config.jsc.baseUrl = root;
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
mkdirSync(path.join(root, '.cache'), { recursive: true });
const configFile = path.join(root, '.cache', 'swcrc.build.json');
writeFileSync(configFile, JSON.stringify(config));
execFileSync(
  process.execPath,
  [require.resolve('@swc/cli/bin/swc.js'), 'apps', 'libs', 'tools', '-d', 'dist', '--config-file', configFile,
    '--ignore', '**/*.spec.ts,**/*.e2e-spec.ts,**/*.int-spec.ts', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
