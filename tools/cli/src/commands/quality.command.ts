import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { ValidationError } from '@supply-hub/errors';
import { staffApi, type StaffOptions, staffOptions } from './api-client';
import type { Output } from './output';

interface ExpiringItem {
  qualification: { supplierId: string; kind: string; brand: string | null; validUntil: string; documentRef: string | null };
  daysLeft: number;
}

const qualityApi = (options: StaffOptions) => staffApi(options.url, { sub: options.as, roles: ['quality'], command: 'supply-hub quality' });

/** `supply-hub quality qualifications import <file.csv>` and `… expiring`. */
function qualificationsCommand(output: Output): Command {
  const qualifications = new Command('qualifications').description('supplier qualifications: business licences and brand authorisations');

  staffOptions(
    qualifications
      .command('import')
      .description('record the qualifications in a CSV (supplierId,kind,brand,validFrom,validUntil,documentRef): every row or, if one is broken, none')
      .argument('<file>', 'the CSV file'),
  ).action(async (file: string, options: StaffOptions) => {
    const csv = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new ValidationError(`cannot read ${file}: ${error.code ?? error.message}`, [{ path: 'file', message: error.message }]);
    });
    const api = await qualityApi(options);
    const result = (await api('POST', '/qualifications/import', csv, { contentType: 'text/csv' })) as {
      recorded: number;
      alreadyRecorded: number;
      restoredSkuIds: string[];
    };
    output.line(`recorded:         ${result.recorded}`);
    output.line(`already recorded: ${result.alreadyRecorded}`);
    output.line(`SKUs reinstated:  ${result.restoredSkuIds.length}`);
  });

  staffOptions(
    qualifications
      .command('expiring')
      .description('the warning list: qualifications ending within the window with no renewal recorded, soonest first')
      .option('--within <days>', 'days ahead', '30')
      .option('--json', 'print JSON'),
  ).action(async (options: StaffOptions & { within: string; json?: boolean }) => {
    const api = await qualityApi(options);
    const answer = (await api('GET', `/qualifications/expiring?withinDays=${encodeURIComponent(options.within)}`)) as {
      withinDays: number;
      items: ExpiringItem[];
    };
    if (options.json) return output.json(answer);
    if (answer.items.length === 0) return output.note(`nothing expires within ${answer.withinDays} days`);
    output.table(
      ['supplier', 'kind', 'brand', 'valid until', 'days left', 'document'],
      answer.items.map(({ qualification, daysLeft }) => [
        qualification.supplierId,
        qualification.kind,
        qualification.brand ?? '',
        qualification.validUntil,
        String(daysLeft),
        qualification.documentRef ?? '',
      ]),
    );
  });

  return qualifications;
}

/** `supply-hub quality …`: quality control staff's tasks. Each topic is one subcommand added here. */
export function qualityCommand(output: Output): Command {
  return new Command('quality').description('quality control staff tasks').addCommand(qualificationsCommand(output));
}
