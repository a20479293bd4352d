import { Command, Option } from 'commander';
import { API_KEY_KINDS, type ApiKeyKind, generateApiKey, isKeyId } from '@supply-hub/auth';
import { loadConfigOrExit } from '@supply-hub/config';
import { ValidationError } from '@supply-hub/errors';
import { keysEnvSchema } from '../cli-env';
import { databasesFor } from '../service-databases';
import { type KeyDatabase, withKeyDatabases } from './key-databases';
import type { Output } from './output';

const serviceOption = () => new Option('--service <name...>', 'only these services (default: every service with a database)');

export function keysCommand(output: Output): Command {
  const keys = new Command('keys').description('API keys for tenants (malls) and warehouses');

  keys
    .command('create')
    .description('create a key, print it once, store its hash in each service database')
    .addOption(new Option('--kind <kind>', 'who the key is for').choices(API_KEY_KINDS).makeOptionMandatory())
    .requiredOption('--owner <id>', 'the tenant id (mall) or warehouse id the key speaks for')
    .option('--label <text>', 'a note for people listing keys')
    .addOption(serviceOption())
    .option('--json', 'print JSON')
    .action(async (options: { kind: ApiKeyKind; owner: string; label?: string; service?: string[]; json?: boolean }) => {
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(options.owner)) {
        throw new ValidationError('invalid owner id', [{ path: 'owner', message: 'must be 1 to 64 letters, digits, ".", "_" or "-"' }]);
      }
      const { MONGO_URL } = loadConfigOrExit(keysEnvSchema, 'supply-hub keys');
      const key = generateApiKey(options.kind);
      const written = await withKeyDatabases(MONGO_URL, databasesFor(options.service), (stores) =>
        insertEverywhere(stores, { ...key, ownerId: options.owner, label: options.label, createdAt: new Date() }),
      );
      if (options.json) return output.json({ keyId: key.keyId, kind: key.kind, owner: options.owner, key: key.plaintext, services: written });
      output.line(`key id:   ${key.keyId}`);
      output.line(`kind:     ${key.kind} (${options.owner})`);
      output.line(`services: ${written.join(', ')}`);
      output.line(`api key:  ${key.plaintext}`);
      output.note('This is the only time the key is shown; store it now. Send it as the X-Api-Key header.');
    });

  keys
    .command('list')
    .description('list keys (never their secrets) across the service databases')
    .addOption(serviceOption())
    .option('--json', 'print JSON')
    .action(async (options: { service?: string[]; json?: boolean }) => {
      const { MONGO_URL } = loadConfigOrExit(keysEnvSchema, 'supply-hub keys');
      const rows = await withKeyDatabases(MONGO_URL, databasesFor(options.service), listEverywhere);
      if (options.json) return output.json(rows);
      output.table(
        ['KEY ID', 'KIND', 'OWNER', 'LABEL', 'CREATED', 'REVOKED', 'SERVICES'],
        rows.map((row) => [
          row.keyId,
          row.kind,
          row.owner,
          row.label ?? '',
          row.createdAt.toISOString(),
          row.revokedAt?.toISOString() ?? '',
          row.services.join(','),
        ]),
      );
    });

  keys
    .command('revoke')
    .description('revoke a key in every service database; it stops working at once')
    .argument('<keyId>', 'the key id printed at creation (key_...)')
    .addOption(serviceOption())
    .action(async (keyId: string, options: { service?: string[] }) => {
      if (!isKeyId(keyId))
        throw new ValidationError(`"${keyId}" is not a key id`, [{ path: 'keyId', message: 'must look like key_ followed by 16 characters' }]);
      const { MONGO_URL } = loadConfigOrExit(keysEnvSchema, 'supply-hub keys');
      const now = new Date();
      const revokedIn = await withKeyDatabases(MONGO_URL, databasesFor(options.service), async (stores) => {
        const results = await Promise.all(stores.map(async ({ service, store }) => ((await store.revoke(keyId, now)) ? service : undefined)));
        return results.filter((service): service is NonNullable<typeof service> => service !== undefined);
      });
      if (revokedIn.length === 0) throw new ValidationError(`no active key ${keyId}`, [{ path: 'keyId', message: 'unknown or already revoked' }]);
      output.line(`revoked ${keyId} in ${revokedIn.join(', ')}`);
    });

  return keys;
}

/**
 * Writes the key to every database or to none: after a failure the copies already written are
 * revoked again, so a half-created key never works anywhere and its plaintext is never printed.
 */
async function insertEverywhere(stores: KeyDatabase[], key: Parameters<KeyDatabase['store']['insert']>[0]): Promise<string[]> {
  const written: KeyDatabase[] = [];
  try {
    for (const entry of stores) {
      await entry.store.insert(key);
      written.push(entry);
    }
  } catch (error) {
    await Promise.allSettled(written.map(({ store }) => store.revoke(key.keyId, new Date())));
    throw error;
  }
  return written.map((entry) => entry.service);
}

interface KeyRow {
  keyId: string;
  kind: string;
  owner: string;
  label?: string;
  createdAt: Date;
  revokedAt: Date | null;
  services: string[];
}

async function listEverywhere(stores: KeyDatabase[]): Promise<KeyRow[]> {
  const rows = new Map<string, KeyRow>();
  for (const { service, store } of stores) {
    for (const key of await store.list()) {
      const row = rows.get(key.keyId) ?? {
        keyId: key.keyId,
        kind: key.kind,
        owner: key.ownerId,
        label: key.label,
        createdAt: key.createdAt,
        revokedAt: key.revokedAt,
        services: [] as string[],
      };
      row.services.push(service);
      rows.set(key.keyId, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
