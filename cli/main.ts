/**
 * The `gloss` command. Each subcommand lives in `commands/`; this file only declares them,
 * and turns any failure into one clear line on stderr and a non-zero exit.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { packageVersion } from './app-paths.js';
import { serveCommand } from './commands/serve.js';
import { indexCommand } from './commands/index-command.js';
import { showCommand } from './commands/show-command.js';
import { CliError } from './cli-error.js';
import { toErrorPayload } from '../core/api/errors.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('gloss')
    .description(
      'Annotate folders of saved articles: read them cleaned, highlight and tag passages, export to CSV.',
    )
    .version(packageVersion(), '-v, --version')
    .showHelpAfterError('(run gloss --help for usage)')
    .showSuggestionAfterError(true)
    .exitOverride();

  program
    .command('serve')
    .description('Serve the Gloss UI to your browser on 127.0.0.1 (token-protected)')
    .argument('[folder]', 'library folder to open (default: the last one, or the sample library)')
    .option('-p, --port <port>', 'port to listen on (default: a free one)', parsePort)
    .action((folder: string | undefined, options: { port?: number }) => serveCommand(folder, options));

  program
    .command('index')
    .description('List every article of a library with its metadata and any warnings')
    .argument('<dir>', 'library folder')
    .option('--json', 'print JSON instead of a table')
    .action((dir: string, options: { json?: boolean }) => indexCommand(dir, options));

  program
    .command('show')
    .description('Print one article, cleaned as Gloss shows it')
    .argument('<file>', 'article file')
    .option('--text', 'plain text with a metadata header (default)')
    .option('--html', 'the cleaned, sanitized HTML')
    .option('--json', 'metadata, warnings, HTML and text as JSON')
    .action((file: string, options: { text?: boolean; html?: boolean; json?: boolean }) => {
      const chosen = (['text', 'html', 'json'] as const).filter((f) => options[f]);
      if (chosen.length > 1) throw new CliError('Choose one of --text, --html and --json.');
      return showCommand(file, chosen[0] ?? 'text');
    });

  return program;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('Not a port number.');
  return port;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander already printed help, the version or the error message.
      return err.exitCode;
    }
    const message = err instanceof CliError ? err.message : toErrorPayload(err).message;
    process.stderr.write(`gloss: ${message}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}
