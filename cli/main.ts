/**
 * The `gloss` command. Each subcommand lives in `commands/`; this file only declares them,
 * and turns any failure into one clear line on stderr and a non-zero exit.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { packageVersion } from './app-paths.js';
import { serveCommand, type ServeCommandOptions } from './commands/serve.js';
import { indexCommand } from './commands/index-command.js';
import { showCommand } from './commands/show-command.js';
import { annotateCommand, type AnnotateOptions } from './commands/annotate-command.js';
import {
  collectOption,
  exportCommand,
  parseContextOption,
  parseDateOption,
  type ExportCommandOptions,
} from './commands/export.js';
import { importCommand } from './commands/import.js';
import { agreementCommand, type AgreementCommandOptions } from './commands/agreement-command.js';
import { addSampleCommand } from './commands/sample-command.js';
import { addSetsCommand } from './commands/sets-command.js';
import { addReportCommand } from './commands/report-command.js';
import { addAutocodeCommand } from './commands/autocode-command.js';
import { CliError } from './cli-error.js';
import { terminalSafe } from './terminal-text.js';
import { toErrorPayload } from '../core/errors.js';

const CODER_HELP =
  'who is coding: a display name (default: $GLOSS_CODER, else the saved name or the OS user)';

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
    .option(
      '-p, --port <port>',
      'port to listen on (default: the last one used if free, else a free one)',
      parsePort,
    )
    .option('--open', 'open the address in the system browser')
    .option('--coder <name>', CODER_HELP)
    .action((folder: string | undefined, options: ServeCommandOptions) => serveCommand(folder, options));

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

  program
    .command('annotate')
    .description('Add a highlight from a script and print it as JSON')
    .argument('<dir>', 'library folder')
    .requiredOption('--article <id|path>', 'the article: an id from `gloss index`, or its file path')
    .requiredOption('--quote <text>', 'the exact text to highlight, as in `gloss show --text`')
    .option(
      '--occurrence <n>',
      'which occurrence, when the quote occurs more than once (1 = first)',
      parsePositive,
    )
    .option(
      '--tag <tag>',
      'a tag name or path (Parent/Child); repeat for several; created if missing',
      collect,
      [],
    )
    .option('--note <text>', 'a note on the highlight')
    .option('--coder <name>', CODER_HELP)
    .action((dir: string, options: AnnotateOptions) => annotateCommand(dir, options));

  program
    .command('export')
    .description(
      'Export highlights as CSV, W3C Web Annotation JSON, Markdown or an Excel workbook, or the project (qdpx) or codebook (qdc) as REFI-QDA',
    )
    .argument('<dir>', 'library folder')
    .addOption(
      new Option('-f, --format <format>', 'file format')
        .choices(['csv', 'json', 'md', 'xlsx', 'qdpx', 'qdc'])
        .default('csv'),
    )
    .option('-o, --out <file>', 'write to this file (default: standard output)')
    .option(
      '-t, --tag <tag>',
      'only highlights with this tag or its sub-tags (name or path; repeatable)',
      collectOption,
    )
    .option('--folder <folder>', 'only articles in this folder (and its sub-folders)')
    .option('--no-subfolders', "with --folder: only the folder's own articles, none of its sub-folders'")
    .option('--from <date>', 'only articles dated on or after this day (YYYY-MM-DD)', parseDateOption)
    .option('--to <date>', 'only articles dated on or before this day (YYYY-MM-DD)', parseDateOption)
    .addOption(
      new Option(
        '--layout <layout>',
        'CSV and Excel: a row per highlight (wide), or per highlight and tag (tidy)',
      ).choices(['wide', 'tidy']),
    )
    .option(
      '--context <n|sentence>',
      'CSV and Excel: characters of context either side (default 100), or "sentence"',
      parseContextOption,
    )
    .option('--no-bom', 'CSV: leave out the UTF-8 byte order mark')
    .option('--coder <id|name>', "only this coder's highlights (repeatable)", collectOption)
    .option('--set <name>', 'only the articles of this saved set (gloss sets)')
    .action((dir: string, options: ExportCommandOptions) => exportCommand(dir, options));

  program
    .command('import')
    .description('Merge a Gloss JSON export, a REFI-QDA project (.qdpx) or codebook (.qdc) into a library')
    .argument('<dir>', 'library folder')
    .argument('<file>', 'a JSON file written by gloss export --format json, or a .qdpx or .qdc file')
    .option('--coder <name>', CODER_HELP)
    .option('--dry-run', '.qdpx/.qdc: report what would be imported, write nothing')
    .action((dir: string, file: string, options: { coder?: string; dryRun?: boolean }) =>
      importCommand(dir, file, undefined, options.coder, options.dryRun === true),
    );

  program
    .command('agreement')
    .description("Inter-coder agreement per code: Krippendorff's alpha, percent agreement, kappa")
    .argument('<dir>', 'library folder')
    .requiredOption('--coders <a,b,…>', 'two or more coders, by name or id, separated by commas')
    .option(
      '-t, --tag <tag>',
      'only this code (name or path; repeatable; default: every code)',
      collectOption,
    )
    .option('--with-children', "count a code's sub-codes as the code")
    .option('--folder <folder>', 'only articles in this folder (and its sub-folders)')
    .option('--no-subfolders', "with --folder: only the folder's own articles, none of its sub-folders'")
    .option('--article <id|path>', 'only this article (repeatable)', collectOption)
    .option('--set <name>', 'only the articles of this saved set (gloss sets)')
    .option(
      '--overlap <share>',
      'segment match threshold, share of the longer segment (default 0.6)',
      parseShare,
    )
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV, one row per code')
    .action((dir: string, options: AgreementCommandOptions) => agreementCommand(dir, options));

  addSampleCommand(program);
  addSetsCommand(program);
  addReportCommand(program);
  addAutocodeCommand(program);

  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseShare(value: string): number {
  const n = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || !(n > 0 && n <= 1))
    throw new InvalidArgumentError('Use a share between 0 and 1, like 0.6.');
  return n;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Not a positive whole number.');
  return n;
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
    // Messages quote paths, tag names and quotes, which come from files.
    process.stderr.write(`gloss: ${terminalSafe(message)}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}
