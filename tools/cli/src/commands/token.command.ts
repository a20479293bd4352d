import { Command } from 'commander';
import { issueStaffToken, parseTtl, STAFF_ROLES } from '@supply-hub/auth';
import { loadConfigOrExit } from '@supply-hub/config';
import { tokenEnvSchema } from '../cli-env';
import type { Output } from './output';

export function tokenCommand(output: Output): Command {
  const token = new Command('token').description('staff bearer tokens');

  token
    .command('issue')
    .description('sign a staff token with STAFF_TOKEN_SECRET and print it')
    .requiredOption('--sub <name>', 'who the token is for')
    .requiredOption('--roles <roles>', `comma-separated: ${STAFF_ROLES.join(', ')}`)
    .option('--ttl <duration>', 'lifetime: 90s, 30m, 12h, 7d', '12h')
    .option('--json', 'print JSON')
    .action(async (options: { sub: string; roles: string; ttl: string; json?: boolean }) => {
      const ttlSeconds = parseTtl(options.ttl);
      const { STAFF_TOKEN_SECRET } = loadConfigOrExit(tokenEnvSchema, 'supply-hub token');
      const roles = options.roles
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean);
      const now = new Date();
      const signed = await issueStaffToken({ sub: options.sub, roles, ttlSeconds, now }, STAFF_TOKEN_SECRET);
      const expiresAt = new Date(now.getTime() + ttlSeconds * 1000).toISOString();
      if (options.json) return output.json({ token: signed, sub: options.sub, roles, expiresAt });
      output.line(signed);
      output.note(`for ${options.sub} (${roles.join(', ')}), expires ${expiresAt}; send as "Authorization: Bearer <token>"`);
    });

  return token;
}
