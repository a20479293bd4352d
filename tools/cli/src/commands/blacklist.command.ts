import { Command, Option } from 'commander';
import { BLACKLIST_TARGET_KINDS } from '@supply-hub/contracts';
import type { Output } from './output';
import { staffApi, staffOptions } from './api-client';

interface EntryView {
  entryId: string;
  target: { kind: string; value: string };
  reason: string;
  author: string;
  createdAt: string;
  expiresAt: string | null;
  active: boolean;
  state: string;
}

const common = (command: Command) => staffOptions(command.option('--json', 'print the answer as JSON'));

/** One entry per line: id, what it names, whether it applies, until when, why. */
export function entryRow(entry: EntryView): string[] {
  return [
    entry.entryId,
    `${entry.target.kind}:${entry.target.value}`,
    entry.active ? 'active' : entry.state,
    entry.expiresAt ?? '-',
    entry.author,
    entry.reason,
  ];
}

/**
 * `supply-hub quality blacklist add|list|remove`: catalog-sync's quality blacklist from a terminal. An entry
 * takes effect at once (the mall catalog hides its SKUs, order-router refuses them); it is signed with the
 * quality role as --as.
 */
export function blacklistCommand(output: Output): Command {
  const blacklist = new Command('blacklist').description('quality blacklist entries: supplier, brand, SKU, category or title keyword');
  common(
    blacklist
      .command('add')
      .description('blacklist a supplier, brand, SKU, category or keyword, with the reason')
      .addOption(new Option('--kind <kind>', 'what the entry names').choices([...BLACKLIST_TARGET_KINDS]).makeOptionMandatory())
      .requiredOption('--value <value>', 'the supplier source id, brand, SKU id, category or keyword')
      .requiredOption('--reason <reason>', 'why')
      .option('--evidence <url>', 'inspection report, complaint, photo')
      .option('--expires <date-time>', 'when the entry stops applying by itself (ISO 8601 with offset)'),
  ).action(async (options: { kind: string; value: string; reason: string; evidence?: string; expires?: string; json?: boolean; as: string; url: string }) => {
    const api = await staffApi(options.url, { sub: options.as, roles: ['quality'], command: 'supply-hub quality blacklist' });
    const entry = (await api('POST', '/blacklist', {
      target: { kind: options.kind, value: options.value },
      reason: options.reason,
      ...(options.evidence ? { evidenceUrl: options.evidence } : {}),
      ...(options.expires ? { expiresAt: options.expires } : {}),
    })) as EntryView;
    if (options.json) output.json(entry);
    else output.line(entry.entryId);
  });
  common(
    blacklist
      .command('list')
      .description('entries, newest first')
      .addOption(new Option('--kind <kind>', 'only entries naming this kind').choices([...BLACKLIST_TARGET_KINDS]))
      .option('--all', 'removed and expired entries too')
      .option('--limit <n>', 'at most this many', '50'),
  ).action(async (options: { kind?: string; all?: boolean; limit: string; json?: boolean; as: string; url: string }) => {
    const api = await staffApi(options.url, { sub: options.as, roles: ['quality'], command: 'supply-hub quality blacklist' });
    const query = new URLSearchParams({ limit: options.limit, ...(options.kind ? { kind: options.kind } : {}), ...(options.all ? {} : { active: 'true' }) });
    const page = (await api('GET', `/blacklist?${query}`)) as { items: EntryView[] };
    if (options.json) output.json(page.items);
    else output.table(['ENTRY', 'TARGET', 'STATE', 'EXPIRES', 'AUTHOR', 'REASON'], page.items.map(entryRow));
  });
  common(
    blacklist
      .command('remove')
      .description('lift an entry, with the reason (it stays listed as removed)')
      .argument('<entryId>', 'the entry id (bl_…)')
      .requiredOption('--reason <reason>', 'why it is lifted'),
  ).action(async (entryId: string, options: { reason: string; json?: boolean; as: string; url: string }) => {
    const api = await staffApi(options.url, { sub: options.as, roles: ['quality'], command: 'supply-hub quality blacklist' });
    const entry = (await api('DELETE', `/blacklist/${encodeURIComponent(entryId)}`, { reason: options.reason })) as EntryView;
    if (options.json) output.json(entry);
    else output.line(`${entry.entryId} ${entry.state}`);
  });
  return blacklist;
}
