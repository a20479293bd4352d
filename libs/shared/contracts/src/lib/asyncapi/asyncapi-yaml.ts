import { stringify } from 'yaml';
import type { AsyncApiDocument } from './asyncapi-document';

const GENERATED_NOTICE = '# Generated from libs/shared/contracts by `node scripts/asyncapi.mjs`. Do not edit by hand.\n';

/** The text of docs/asyncapi.yaml: the script writes it, a unit test checks the committed copy against it. */
export function renderAsyncApiYaml(document: AsyncApiDocument): string {
  return GENERATED_NOTICE + stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}
