import { Command, CommanderError } from 'commander';
import { DomainError, ValidationError } from '@supply-hub/errors';
import { blacklistCommand } from './commands/blacklist.command';
import { catalogCommand } from './commands/catalog.command';
import { codesCommand } from './commands/codes.command';
import { curationCommand } from './commands/curation.command';
import { eliminationCommand } from './commands/elimination.command';
import { keysCommand } from './commands/keys.command';
import { consoleOutput } from './commands/output';
import { qualityCommand } from './commands/quality.command';
import { tokenCommand } from './commands/token.command';

// Exit codes from sysexits.h, like the services' 78 for bad configuration.
const EX_USAGE = 64;
const EX_SOFTWARE = 1;

export function buildProgram(): Command {
  const program = new Command('supply-hub')
    .description('supply-hub operations: API keys for malls and warehouses, staff tokens, catalog syncs, bulk curation, quality control, code key rotation')
    .addCommand(keysCommand(consoleOutput))
    .addCommand(tokenCommand(consoleOutput))
    .addCommand(catalogCommand(consoleOutput))
    .addCommand(curationCommand(consoleOutput))
    .addCommand(qualityCommand(consoleOutput).addCommand(blacklistCommand(consoleOutput)).addCommand(eliminationCommand(consoleOutput)))
    .addCommand(codesCommand(consoleOutput));
  // Commands added with addCommand do not inherit settings: apply them through the whole tree, so every
  // usage error reaches main() and exits with EX_USAGE.
  const configure = (command: Command): void => {
    command.exitOverride().showHelpAfterError();
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : EX_USAGE);
    if (error instanceof ValidationError) {
      process.stderr.write(`supply-hub: ${error.message}${error.issues.map((issue) => `\n  ${issue.path}: ${issue.message}`).join('')}\n`);
      process.exit(EX_USAGE);
    }
    process.stderr.write(`supply-hub: ${error instanceof DomainError || error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EX_SOFTWARE);
  }
}

void main(process.argv);
