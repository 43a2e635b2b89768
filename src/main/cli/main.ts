/**
 * The `exhibit` command line: the same archive core the app drives.
 * Exit codes: 0 done, 1 some inputs failed, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { ArchiveError, messageOf } from '../archive/errors.js';
import { diskFullError } from '../archive/disk-full.js';
import { registerCollectionCommands } from './commands/collections.js';
import { registerDocumentCommands } from './commands/documents.js';
import { registerEntityCommands } from './commands/entities.js';
import { registerExportCommand } from './commands/export.js';
import { registerOcrCommand } from './commands/ocr.js';
import { registerFactCommands } from './commands/facts.js';
import { registerQuoteCommands } from './commands/quotes.js';
import { registerSampleCommand } from './commands/sample.js';
import { registerVerifyCommand } from './commands/verify.js';
import { registerSearchCommand } from './commands/search.js';
import { registerTagCommands } from './commands/tags.js';
import { registerTrustCommands } from './commands/trust.js';
import { archivePath, EXIT_FAILED, EXIT_USAGE, UsageError, type GlobalOptions } from './context.js';

/** bin/exhibit.js points it at the bundled worker. */
export { configureExtraction } from '../archive/importers/isolated-extract.js';
/** bin/exhibit.js: a closed stdout (`| head`) ends the command quietly. */
export { endQuietlyOnClosedOutput } from './closed-output.js';

export function buildProgram(): Command {
  const program = new Command('exhibit')
    .description(
      'Exhibit: an offline evidence organizer. Originals with their SHA-256, quotes with page cites, verifiable bundles.',
    )
    .option('--archive <file>', 'the archive file (default: $EXHIBIT_ARCHIVE or the app’s user-data folder)')
    .option('--json', 'print one JSON document on stdout')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  registerDocumentCommands(program, globals);
  registerSampleCommand(program, globals);
  registerVerifyCommand(program, globals);
  registerQuoteCommands(program, globals);
  registerTagCommands(program, globals);
  registerSearchCommand(program, globals);
  registerExportCommand(program, globals);
  registerCollectionCommands(program, globals);
  registerFactCommands(program, globals);
  registerTrustCommands(program, globals);
  registerOcrCommand(program, globals);
  registerEntityCommands(program, globals);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** Runs the CLI with these arguments (without node and script); resolves to the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  process.exitCode = 0;
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0 through here.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError || (error instanceof ArchiveError && error.code === 'invalid-input')) {
      process.stderr.write(`exhibit: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // SQLITE_FULL from any write (meta, tags, quotes…): name the disk and what is left on it.
    const full = await diskFullError(error, archivePath(program.opts<GlobalOptions>()));
    const message = full ? full.message : error instanceof ArchiveError ? error.message : messageOf(error);
    process.stderr.write(`exhibit: ${message}\n`);
    if (process.env['EXHIBIT_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    return EXIT_FAILED;
  }
}
