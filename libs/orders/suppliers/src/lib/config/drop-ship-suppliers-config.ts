import { ValidationError } from '@supply-hub/errors';
import { JD_SANDBOX_CREDENTIALS } from '@supply-hub/supplier-clients';
import { z } from 'zod';
import { type JdDropShipConfig, type JdDropShipConfigInput, jdDropShipConfigSchema } from '../jd/jd-drop-ship-config';

/** The suppliers drop-ship can order from, by protocol (JD only, so far). */
export interface DropShipSuppliersConfig {
  jd: JdDropShipConfig[];
  /** Entries of SUPPLIER_SOURCES without a drop-ship adapter (Taobao, brand feeds): their parcels stay requested. */
  withoutAdapter: { kind: string; id?: string }[];
}

// The entries are read loosely first: every kind catalog-sync knows is allowed, only `jd` ones are checked in full.
const sourcesDocumentSchema = z.object({ sources: z.array(z.looseObject({ kind: z.string(), id: z.string().optional() })) });

/**
 * SUPPLIER_SOURCES as drop-ship reads it: the same JSON catalog-sync reads (`{"sources":[…]}`, see
 * @supply-hub/catalog-suppliers), its `kind: "jd"` entries taken as JD accounts to order from. A mistake
 * in one of those names its field (`sources.0.credentials.password`).
 */
export function parseDropShipSuppliersConfig(text: string): DropShipSuppliersConfig {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`supplier sources: not JSON: ${(error as Error).message}`, [{ path: '', message: 'not JSON' }]);
  }
  const sources = sourcesDocumentSchema.safeParse(document);
  if (!sources.success) throw invalid(sources.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  const config: DropShipSuppliersConfig = { jd: [], withoutAdapter: [] };
  const issues: { path: string; message: string }[] = [];
  sources.data.sources.forEach((entry, index) => {
    if (entry.kind !== 'jd') {
      config.withoutAdapter.push({ kind: entry.kind, ...(entry.id ? { id: entry.id } : {}) });
      return;
    }
    const parsed = jdDropShipConfigSchema.safeParse(entry);
    if (parsed.success) config.jd.push(parsed.data);
    else issues.push(...parsed.error.issues.map((issue) => ({ path: ['sources', index, ...issue.path].join('.'), message: issue.message })));
  });
  if (new Set(config.jd.map((entry) => entry.id)).size !== config.jd.length) issues.push({ path: 'sources', message: 'source ids must be unique' });
  if (issues.length > 0) throw invalid(issues);
  return config;
}

/** The local stack's JD sandbox (apps/supplier-sim at `simUrl`), with its development account: what drop-ship uses when SUPPLIER_SOURCES is not set. */
export function localSandboxDropShipSuppliers(simUrl: string): DropShipSuppliersConfig {
  const entry: JdDropShipConfigInput = {
    kind: 'jd',
    id: 'jd',
    baseUrl: `${simUrl.replace(/\/+$/, '')}/jd/`,
    credentials: JD_SANDBOX_CREDENTIALS,
    // The sandbox is on this machine: a short timeout, quick retries.
    http: { timeoutMs: 5_000, retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 1_000 } },
  };
  return { jd: [jdDropShipConfigSchema.parse(entry)], withoutAdapter: [] };
}

function invalid(issues: { path: string; message: string }[]): ValidationError {
  return new ValidationError(`supplier sources: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`, issues);
}
