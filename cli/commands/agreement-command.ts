/**
 * `gloss agreement DIR --coders A,B[,C…] [--tag T]… [--with-children] [--folder F [--no-subfolders]] [--article ID|PATH]…
 * [--overlap 0.6] [--json|--csv]`: inter-coder agreement per code (issue 18's measures), as a table,
 * JSON (the shape documented in core/agreement/compute-agreement.ts) or CSV (one row per code).
 */
import { terminalTable } from '../terminal-table.js';
import { agreementInput, type AgreementRequest } from '../../core/agreement/agreement-session.js';
import { agreementCsv, computeAgreement, type AgreementResult } from '../../core/agreement/index.js';
import { setStoreOf } from '../../core/api/analysis-handlers.js';
import { ApiError } from '../../core/errors.js';
import { CliError } from '../cli-error.js';
import { terminalSafe } from '../terminal-text.js';
import type { CommandOutput } from './export.js';
import { withLibrary } from './open-for-cli.js';

export interface AgreementCommandOptions {
  coders: string;
  tag?: string[];
  withChildren?: boolean;
  folder?: string;
  /** Commander sets false for --no-subfolders. */
  subfolders?: boolean;
  article?: string[];
  overlap?: number;
  /** Only the articles of this saved set. */
  set?: string;
  json?: boolean;
  csv?: boolean;
}

const processOutput: CommandOutput = { stdout: process.stdout, stderr: process.stderr };

/** A figure for the table: three decimals, or a dash when undefined. */
const fig = (x: number | null): string => (x === null ? '–' : x.toFixed(3));

function table(result: AgreementResult): string {
  const header = [
    'code',
    'alpha_u',
    'alpha_article',
    'agreement',
    'kappa',
    ...result.coders.map((c) => `units ${c}`),
  ];
  const rows = result.codes.map((c) => [
    c.tag_path,
    fig(c.alpha_u),
    fig(c.alpha_article),
    fig(c.percent_agreement),
    fig(c.kappa),
    ...result.coders.map((name) => String(c.units[name] ?? 0)),
  ]);
  return [
    `${result.coders.join(', ')} · ${result.articles} articles · ${result.continuum} characters`,
    ...terminalTable([header, ...rows]),
    `overall alpha_u: ${fig(result.overall.alpha_u)}`,
    ...result.notes.map((n) => `note: ${n}`),
    '',
  ].join('\n');
}

export async function agreementCommand(
  dir: string,
  options: AgreementCommandOptions,
  output: CommandOutput = processOutput,
): Promise<void> {
  if (options.json && options.csv) throw new CliError('Choose one of --json and --csv.');
  const request: AgreementRequest = {
    coders: options.coders
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    tags: options.tag ?? [],
    withChildren: options.withChildren ?? false,
    ...(options.folder !== undefined ? { folder: options.folder } : {}),
    ...(options.folder !== undefined && options.subfolders === false ? { subfolders: false } : {}),
    articles: options.article ?? [],
    ...(options.overlap !== undefined ? { overlap: options.overlap } : {}),
  };
  await withLibrary(dir, async (service) => {
    const session = service.ctx.session!;
    let result: AgreementResult;
    try {
      if (options.set !== undefined) {
        const inSet = (await setStoreOf(session).get(options.set)).articleIds;
        const named = request.articles ?? [];
        request.articles = named.length ? named.filter((a) => inSet.includes(a)) : inSet;
        if (request.articles.length === 0)
          throw new CliError(`No article of the set "${options.set}" is left to compare.`);
      }
      result = computeAgreement(await agreementInput(session, request));
    } catch (err) {
      if (err instanceof ApiError) throw new CliError(err.message);
      throw err;
    }
    if (options.json) output.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else if (options.csv) output.stdout.write(agreementCsv(result, { bom: false }));
    else output.stdout.write(terminalSafe(table(result)));
  });
}
