import { Command, InvalidArgumentError, Option } from 'commander';
import { CATEGORY_FAMILIES, curationStatusSchema } from '@supply-hub/contracts';
import { ValidationError } from '@supply-hub/errors';
import type { Output } from './output';
import { type Api, staffApi, staffOptions } from './api-client';

const BULK_ACTIONS = ['approve', 'reject', 'suspend', 'delist', 'reinstate', 'review'] as const;

export interface SelectionOptions {
  brand?: string[];
  supplier?: string[];
  family?: string[];
  subcategory?: string[];
  minPrice?: string;
  maxPrice?: string;
  status?: string[];
  q?: string;
}

interface BulkOptions extends SelectionOptions {
  reason: string;
  yes?: boolean;
  json?: boolean;
  url: string;
  as: string;
  interval: string;
}

interface BulkPlan {
  matched: number;
  applicable: number;
  /** The status the action moves SKUs to. */
  to: string;
  byStatus: Record<string, number>;
  skipped: { status: string; count: number; reason: string }[];
  sample: string[];
  actionId?: string;
}

/** The bulk filter as catalog-sync takes it; prices in yuan on the command line, fen in the API. */
export function selectionFromOptions(options: SelectionOptions): Record<string, unknown> {
  const yuan = (value: string | undefined, flag: string): number | undefined => {
    if (value === undefined) return undefined;
    if (!/^\d+(\.\d{1,2})?$/.test(value))
      throw new ValidationError(`${flag} must be an amount in yuan such as 99 or 99.50`, [{ path: flag, message: `got "${value}"` }]);
    return Math.round(Number(value) * 100);
  };
  const filter: Record<string, unknown> = {
    brands: options.brand,
    suppliers: options.supplier,
    families: options.family,
    subcategories: options.subcategory,
    minPriceFen: yuan(options.minPrice, '--min-price'),
    maxPriceFen: yuan(options.maxPrice, '--max-price'),
    statuses: options.status,
    q: options.q,
  };
  for (const key of Object.keys(filter)) if (filter[key] === undefined) delete filter[key];
  if (Object.keys(filter).length === 0)
    throw new ValidationError('name at least one filter (--brand, --supplier, --family, --subcategory, --min-price, --max-price, --status, --q)', []);
  return filter;
}

/** What a dry run found, for people. */
export function planLines(plan: BulkPlan): string[] {
  const lines = [`${plan.matched} SKUs match; ${plan.applicable} can move to ${plan.to}`];
  for (const skip of plan.skipped) lines.push(`  left as they are: ${skip.count} ${skip.status} (${skip.reason})`);
  if (plan.sample.length > 0) lines.push(`  for example: ${plan.sample.slice(0, 5).join(', ')}`);
  return lines;
}

const many = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
];

/** Like `many`, each value one of `choices`. */
export const manyOf =
  (choices: readonly string[]) =>
  (value: string, previous: string[] = []): string[] => {
    const values = many(value, previous);
    const wrong = values.find((entry) => !choices.includes(entry));
    if (wrong !== undefined) throw new InvalidArgumentError(`"${wrong}" is not one of ${choices.join(', ')}`);
    return values;
  };

/**
 * `supply-hub curation <action> [filters] --reason …`: a bulk decision through catalog-sync. Without --yes
 * it is a dry run (what would move, what would be left and why); with --yes it confirms the dry run's count,
 * so a catalog that changed in between makes it stop instead of acting on more than was shown, and then
 * follows the action until it is done.
 */
export function curationCommand(output: Output): Command {
  const curation = new Command('curation').description('bulk curation decisions by filter (dry run unless --yes)');
  for (const action of BULK_ACTIONS) {
    const bulk = curation
      .command(action)
      .description(`${action} every SKU a filter selects`)
      .option('--brand <brands>', 'brand (repeat or comma-separate)', many)
      .option('--supplier <sources>', 'supplier source id of the best offer: jd, taobao, brand-midea, …', many)
      .addOption(new Option('--family <families>', `category family: ${CATEGORY_FAMILIES.join(', ')}`).argParser(manyOf(CATEGORY_FAMILIES)))
      .option('--subcategory <subcategories>', 'subcategory (电饭煲, 视频会员, …)', many)
      .option('--min-price <yuan>', 'contract price from, in yuan')
      .option('--max-price <yuan>', 'contract price up to, in yuan')
      .addOption(
        new Option('--status <statuses>', `curation status: ${curationStatusSchema.options.join(', ')}`).argParser(manyOf(curationStatusSchema.options)),
      )
      .option('--q <words>', 'words that must all appear in the title or brand')
      .requiredOption('--reason <reason>', 'why (kept with every SKU’s decision and in the audit log)')
      .option('--yes', 'act: confirm the dry run’s count and carry the action out')
      .option('--json', 'print the answer as JSON')
      .option('--interval <ms>', 'how often a running action is read', '500');
    staffOptions(bulk).action(async (options: BulkOptions) => {
      const filter = selectionFromOptions(options);
      const api = await staffApi(options.url, { sub: options.as, roles: ['curator'], command: `supply-hub curation ${action}` });
      const plan = (await api('POST', '/curation/bulk', { filter, action, reason: options.reason, dryRun: true })) as BulkPlan;
      if (!options.yes) {
        if (options.json) output.json(plan);
        else for (const line of planLines(plan)) output.line(line);
        output.note(plan.applicable > 0 ? 'dry run: nothing changed; run again with --yes to act' : 'dry run: nothing to do');
        return;
      }
      if (plan.applicable === 0) {
        output.note('nothing to do: no selected SKU can make that move');
        return;
      }
      const started = (await api('POST', '/curation/bulk', { filter, action, reason: options.reason, confirmCount: plan.applicable })) as BulkPlan;
      output.note(`${action}: ${started.applicable} SKUs, action ${started.actionId}`);
      const done = await followAction(api, started.actionId!, Number(options.interval));
      if (options.json) output.json(done);
      else output.line(`${done.applied} moved to ${started.to}; ${done.refusedCount} refused (changed meanwhile); ${done.unknown.length} unknown`);
      if (done.refusedCount > 0 || done.unknown.length > 0) process.exitCode = 1;
    });
  }
  return curation;
}

interface ActionView {
  state: 'running' | 'done';
  applied: number;
  refusedCount: number;
  unknown: string[];
}

async function followAction(api: Api, actionId: string, intervalMs: number): Promise<ActionView> {
  for (;;) {
    const action = (await api('GET', `/curation/actions/${actionId}`)) as ActionView;
    if (action.state === 'done') return action;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
