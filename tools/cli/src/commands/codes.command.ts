import { RotateCodeKeys } from '@supply-hub/codes-application';
import { CodeStore, CouponSystemStore } from '@supply-hub/codes-data-access';
import { parseCodeKeyRing } from '@supply-hub/codes-domain';
import { loadConfigOrExit } from '@supply-hub/config';
import { connectMongo } from '@supply-hub/mongo';
import { Command } from 'commander';
import { codesEnvSchema } from '../cli-env';
import type { Output } from './output';

export function codesCommand(output: Output): Command {
  const codes = new Command('codes').description("virtual-codes' stored card codes");

  codes
    .command('rotate-keys')
    .description('re-encrypt every stored code and password with the first key of CODE_ENCRYPTION_KEYS (safe to repeat and to run beside the service)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfigOrExit(codesEnvSchema, 'supply-hub codes');
      const keys = parseCodeKeyRing(config.CODE_ENCRYPTION_KEYS);
      const connection = await connectMongo({ url: config.MONGO_URL, dbName: config.MONGO_DB, appName: 'supply-hub-cli' });
      try {
        if (!connection.db) throw new Error('the MongoDB connection is not open');
        const rotation = new RotateCodeKeys({ codes: new CodeStore(connection.db), keys, couponSystemStore: new CouponSystemStore(connection.db) });
        const result = await rotation.execute((resealed) => {
          if (!options.json) output.note(`${resealed} re-encrypted so far`);
        });
        if (options.json) return output.json(result);
        output.line(`re-encrypted: ${result.resealed}`);
        output.line(`current key:  ${result.currentKeyId}`);
        output.note('Every code now opens with the current key: the other keys can be removed from CODE_ENCRYPTION_KEYS.');
      } finally {
        await connection.close();
      }
    });

  return codes;
}
