/**
 * `gloss export DIR --format csv|json|md|xlsx|qdpx|qdc [--out FILE] [--tag T]... [--layout wide|tidy]
 * [--context N|sentence] [--no-bom]`: the library's highlights to a file, or streamed to standard
 * output. `--tag` takes tag ids, paths (`Parent/Child`) or names, and includes sub-tags. A binary
 * format (an .xlsx workbook, a .qdpx project) goes to standard output only when that is not a terminal.
 */
import { once } from 'node:events';
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { setStoreOf } from '../../core/api/analysis-handlers.js';
import { exportAbout } from '../../core/api/export-about.js';
import { createService } from '../../core/api/service.js';
import { reportStoreProblems } from './open-for-cli.js';
import type { AnnotationService } from '../../core/store/annotation-service.js';
import type { CsvLayout } from '../../core/export/csv-export.js';
import type { ExportScope } from '../../core/export/export-scope.js';
import type { ContextSpec } from '../../core/export/quote-context.js';
import { EXPORT_FILE_TYPES, startExport, type ExportFormat } from '../../core/export/run-export.js';
import type { SkippedCounts } from '../../core/interop/collect-project.js';
import { TagIndex } from '../../core/export/tag-index.js';
import { writeStreamDurable } from '../../core/files/durable-write.js';
import { coderIdOf } from '../../core/teams/coder.js';
import { appDataDir, packageVersion } from '../app-paths.js';
import { CliError } from '../cli-error.js';
import { terminalSafe } from '../terminal-text.js';

export interface ExportCommandOptions {
  format?: ExportFormat;
  out?: string;
  tag?: string[];
  folder?: string;
  /** Commander sets false for --no-subfolders: only the folder's own articles. */
  subfolders?: boolean;
  from?: string;
  to?: string;
  layout?: CsvLayout;
  context?: ContextSpec;
  /** Commander sets false for --no-bom. */
  bom?: boolean;
  /** Only these coders' highlights: coder ids or names (repeatable). */
  coder?: string[];
  /** Only the articles of this saved set. */
  set?: string;
}

export interface CommandOutput {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

const processOutput: CommandOutput = { stdout: process.stdout, stderr: process.stderr };

/** Commander parser of --context: a number of characters, or "sentence". */
export function parseContextOption(value: string): ContextSpec {
  if (value === 'sentence') return 'sentence';
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 10_000)
    throw new InvalidArgumentError('Use a number of characters (0–10000) or "sentence".');
  return n;
}

/** Commander parser of a date option (--from, --to). */
export function parseDateOption(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('Use a date like 2024-03-05.');
  return value;
}

/** Commander collector for repeatable options (--tag a --tag b). */
export function collectOption(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Tag ids for what the user typed: an id, a path, or a name that only one tag has. */
/** `--coder` arguments as coder ids: a coder id the library knows, else the id of that name. */
export async function coderIds(annotations: AnnotationService, given: readonly string[]): Promise<string[]> {
  const known = new Map<string, string>();
  for (const c of await annotations.coders()) {
    known.set(c.id, c.id);
    known.set(c.name, c.id);
  }
  return given.map((g) => known.get(g.trim()) ?? coderIdOf(g));
}

export async function resolveTagArguments(
  store: AnnotationService,
  wanted: readonly string[],
): Promise<string[]> {
  if (wanted.length === 0) return [];
  const tags = new TagIndex(await store.listTags());
  return wanted.map((w) => {
    const tag = tags.get(w) ?? tags.findByPath(w);
    if (tag) return tag.id;
    const named = tags.findByName(w);
    if (named.length === 1) return named[0]!.id;
    if (named.length > 1) {
      const paths = named.map((t) => tags.path(t.id)).join(', ');
      throw new CliError(`Several tags are called "${w}"; give the path instead: ${paths}`);
    }
    throw new CliError(`No tag "${w}" in this library's codebook.`);
  });
}

/** What `run.rows` counts, per format. */
const ROW_NAMES: Record<ExportFormat, string> = {
  csv: 'rows',
  xlsx: 'rows',
  json: 'highlights',
  md: 'highlights',
  qdpx: 'highlights',
  qdc: 'codes',
};

/** What a REFI-QDA project could not hold, on standard error (never silently dropped). */
function reportSkipped(skipped: SkippedCounts, output: CommandOutput): void {
  const lines = [
    skipped.noText && `${skipped.noText} highlights of articles whose file is missing or unreadable`,
    skipped.unplaced && `${skipped.unplaced} highlights Gloss could not place in their article's text`,
    skipped.unknownTags && `${skipped.unknownTags} tags no longer in the codebook (on highlights)`,
  ].filter(Boolean);
  for (const line of lines) output.stderr.write(`Left out of the project: ${line}\n`);
}

export async function exportCommand(
  dir: string,
  options: ExportCommandOptions,
  output: CommandOutput = processOutput,
): Promise<void> {
  const format = options.format ?? 'csv';
  const rowFormat = format === 'csv' || format === 'xlsx';
  if (!rowFormat && (options.layout || options.context !== undefined)) {
    throw new CliError('--layout and --context apply to CSV and Excel exports only.');
  }
  if (format !== 'csv' && options.bom === false) {
    throw new CliError('--no-bom applies to CSV exports only.');
  }
  if (EXPORT_FILE_TYPES[format].binary && !options.out && output.stdout.isTTY) {
    throw new CliError(
      `A .${EXPORT_FILE_TYPES[format].extension} file is binary: give --out FILE, or redirect standard output.`,
    );
  }
  const service = await createService({
    host: 'browser',
    version: packageVersion(),
    appDataDir: appDataDir(),
    watch: false,
  });
  try {
    await service.open(dir);
    const session = service.ctx.session!;
    const tagIds = await resolveTagArguments(session.annotations, options.tag ?? []);
    const articleIds = options.set ? (await setStoreOf(session).get(options.set)).articleIds : null;
    const filtered = tagIds.length || options.folder || options.from || options.to || articleIds;
    const scope: ExportScope = filtered
      ? {
          kind: 'filter',
          ...(tagIds.length ? { tagIds } : {}),
          ...(articleIds ? { articleIds } : {}),
          ...(options.folder ? { folder: options.folder } : {}),
          ...(options.folder && options.subfolders === false ? { subfolders: false } : {}),
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
        }
      : { kind: 'library' };
    const about = await exportAbout(session, service.ctx.version, format);
    const run = await startExport(
      session,
      {
        format,
        scope,
        ...(options.layout ? { layout: options.layout } : {}),
        ...(options.context !== undefined ? { context: options.context } : {}),
        bom: options.bom ?? true,
        ...(options.coder?.length ? { coders: await coderIds(session.annotations, options.coder) } : {}),
      },
      about.about,
    );
    for (const problem of about.problems) output.stderr.write(`Sets: ${terminalSafe(problem)}\n`);
    if (options.out) {
      const file = resolve(options.out);
      await writeStreamDurable(file, run.chunks);
      output.stderr.write(`Exported ${run.rows} ${ROW_NAMES[format]} to ${terminalSafe(file)}\n`);
    } else {
      for await (const chunk of run.chunks) {
        if (!output.stdout.write(chunk)) await once(output.stdout, 'drain');
      }
    }
    if ('skipped' in run) reportSkipped(run.skipped as SkippedCounts, output);
  } finally {
    if (service.ctx.session)
      await reportStoreProblems(service, (line) => output.stderr.write(line)).catch(() => undefined);
    await service.close();
  }
}
