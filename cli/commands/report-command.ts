/**
 * `gloss report DIR --kind frequencies|matrix|cooccurrence|timeline [--by …] [--coder C]… [--tag T]…
 * [--fold] [filters] [--csv|--json]`: one analysis table. JSON and CSV rows have the snake_case
 * fields of core/analysis/report-table.ts (frequencies: tag_path, coder, highlights, articles,
 * characters; coder null is every coder together).
 */
import { Option, type Command } from 'commander';
import type { ReportKind, TimelineBy } from '../../core/analysis/report-types.js';
import { reportCsv, reportTable } from '../../core/analysis/report-table.js';
import { CliError } from '../cli-error.js';
import { terminalSafe } from '../terminal-text.js';
import type { CommandOutput } from './export.js';
import {
  addScopeOptions,
  alignedTable,
  callApi,
  repeatable,
  scopeOf,
  type ScopeOptions,
} from './analysis-cli.js';
import { withLibrary } from './open-for-cli.js';

export interface ReportOptions extends ScopeOptions {
  kind: ReportKind;
  by?: TimelineBy;
  coder?: string[];
  tag?: string[];
  fold?: boolean;
  json?: boolean;
  csv?: boolean;
  /** Also write the chart to this SVG file. */
  svg?: string;
}

const processOutput: CommandOutput = { stdout: process.stdout, stderr: process.stderr };

export async function reportCommand(
  dir: string,
  options: ReportOptions,
  output = processOutput,
): Promise<void> {
  if (options.json && options.csv) throw new CliError('Choose one of --json and --csv.');
  if (options.by && options.kind !== 'timeline') throw new CliError('--by goes with --kind timeline.');
  await withLibrary(dir, async (service) => {
    const report = await callApi(service, 'analysisReport', {
      kind: options.kind,
      ...(options.by ? { by: options.by } : {}),
      scope: {
        ...scopeOf(options),
        ...(options.coder?.length ? { coders: options.coder } : {}),
        ...(options.tag?.length ? { tags: options.tag } : {}),
        ...(options.fold ? { foldToParents: true } : {}),
      },
    });
    const table = reportTable(report);
    if (options.json) output.stdout.write(`${JSON.stringify(table.rows, null, 2)}\n`);
    else if (options.csv) output.stdout.write(reportCsv(report));
    else {
      const cell = (x: string | number | null): string => (x === null ? '–' : String(x));
      output.stdout.write(
        terminalSafe(
          alignedTable(
            table.columns,
            table.rows.map((r) => table.columns.map((c) => cell(r[c] ?? null))),
          ),
        ),
      );
      output.stdout.write(
        `${report.articleCount} articles · ${report.coders.map((c) => c.name).join(', ') || 'no coders'}\n`,
      );
    }
    for (const note of report.notes) output.stderr.write(`note: ${terminalSafe(note)}\n`);
    if (options.svg) {
      // Loaded only here: the chart library is not every command's start-up cost.
      const { writeReportSvg } = await import('./report-svg.js');
      const note = await writeReportSvg(report, options.svg);
      output.stderr.write(`chart written to ${terminalSafe(options.svg)}${note ? ` (${note})` : ''}\n`);
    }
  });
}

export function addReportCommand(program: Command): void {
  addScopeOptions(
    program
      .command('report')
      .description('Code frequencies, the article × code matrix, co-occurrence or codes over time')
      .argument('<dir>', 'library folder')
      .addOption(
        new Option('--kind <kind>', 'which table')
          .choices(['frequencies', 'matrix', 'cooccurrence', 'timeline'])
          .makeOptionMandatory(),
      )
      .addOption(
        new Option('--by <period>', 'timeline: group by (default month)').choices([
          'day',
          'week',
          'month',
          'year',
          'source',
          'category',
          'folder',
        ]),
      )
      .addOption(repeatable('--coder <id|name>', "only this coder's highlights (repeatable)"))
      .addOption(repeatable('-t, --tag <tag>', 'only this code, name or path (repeatable)'))
      .option(
        '--fold',
        'count sub-codes as their parent (the top-level code, or the --tag given above them)',
      ),
  )
    .option('--json', 'print JSON rows')
    .option('--csv', 'print CSV')
    .option('--svg <file>', 'also write the chart as an SVG file')
    .action((dir: string, options: ReportOptions) => reportCommand(dir, options));
}
