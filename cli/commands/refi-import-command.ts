/**
 * `gloss import DIR FILE.qdpx|FILE.qdc`: a REFI-QDA project or codebook from NVivo, ATLAS.ti,
 * MAXQDA, QualCoder (or Gloss) merged into the library, with a report of what went where and what
 * could not be placed. `--dry-run` reports without writing.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createService } from '../../core/api/service.js';
import { importCodebookFile } from '../../core/interop/import/import-codebook.js';
import { importProject } from '../../core/interop/import/import-project.js';
import type { CodebookImportReport, ProjectImportReport } from '../../core/interop/import/import-report.js';
import { appDataDir, packageVersion } from '../app-paths.js';
import { terminalSafe } from '../terminal-text.js';
import type { CommandOutput } from './export.js';
import { listed, shorten } from './report-lines.js';
import { cliCoder, reportStoreProblems } from './open-for-cli.js';

/** A REFI-QDA file, by its name or else by its first bytes (a ZIP is a project, XML a codebook). */
export function refiKind(fileName: string, bytes: Uint8Array): 'qdpx' | 'qdc' | null {
  if (/\.qdpx$/i.test(fileName)) return 'qdpx';
  if (/\.qdc$/i.test(fileName)) return 'qdc';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'qdpx';
  const head = new TextDecoder().decode(bytes.subarray(0, 512));
  if (/^(\uFEFF)?\s*</.test(head)) return /<CodeBook\b/.test(head) ? 'qdc' : 'qdpx';
  return null;
}

const REASONS: Record<string, string> = {
  'text-not-found': 'text not in the article; stored for review',
  'bad-position': 'position outside the text',
  'empty-selection': 'no text selected',
  'whole-source-coding': 'a code on the whole source',
  'no-source-text': 'the source has no readable text',
  'note-without-source': 'a note whose source is not named',
};

export function formatProjectReport(r: ProjectImportReport, root: string): string {
  const verb = r.dryRun ? 'Would import' : 'Imported';
  const lines = [
    `${verb} ${r.fileName} (${r.projectName}${r.origin ? `, from ${r.origin}` : ''}) into ${root}`,
    `  placed          ${r.placed}`,
    `  approximate     ${r.approximate}${r.approximate ? ' (placed on text that differs a little)' : ''}`,
    ...listed(
      r.approximateSelections,
      (a) => `${a.source}: "${shorten(a.quote)}" → "${shorten(a.placedText)}"`,
    ),
    `  not placed      ${r.unplaced.length}`,
    ...listed(
      r.unplaced,
      (u) => `${u.source || '?'}: "${shorten(u.quote)}" (${REASONS[u.reason] ?? u.reason})`,
    ),
    `  articles        ${r.matchedArticles.length} matched, ${r.newArticles.length} new`,
    ...listed(
      r.matchedArticles.filter((m) => !m.exact),
      (m) => `${m.source} ≈ ${m.path} (close match)`,
    ),
    ...listed(r.newArticles, (p) => `new: ${p}`),
    `  coders          ${r.coders.join(', ') || '-'}`,
    `  tags created    ${r.codes.created.length}${r.codes.created.length ? `: ${r.codes.created.join(', ')}` : ''}`,
    `  tags existing   ${r.codes.existing.length}`,
    ...listed(r.codes.renamed, (n) => `renamed "${n.from}" → "${n.to}"`),
    `  highlights written ${r.highlightsWritten}`,
    `  notes ${r.notes}, memos ${r.memos}`,
  ];
  for (const v of r.variables.filter((x) => x.keptIn === 'report')) {
    lines.push(
      `  variables of ${v.source}: ${Object.entries(v.values)
        .map(([k, x]) => `${k}=${x}`)
        .join('; ')}`,
    );
  }
  for (const c of r.conventions) lines.push(`  positions of ${c.source}: ${c.convention}`);
  for (const s of r.skippedSources) lines.push(`  left out: ${s.source} (${s.kind})`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

export function formatCodebookReport(r: CodebookImportReport, root: string): string {
  const lines = [
    `${r.dryRun ? 'Would import' : 'Imported'} the codebook ${r.fileName} into ${root}`,
    `  tags created    ${r.created.length}${r.created.length ? `: ${r.created.join(', ')}` : ''}`,
    `  tags existing   ${r.existing.length}`,
    ...listed(r.renamed, (n) => `renamed "${n.from}" → "${n.to}"`),
    ...r.warnings.map((w) => `  warning: ${w}`),
  ];
  return `${lines.join('\n')}\n`;
}

export async function refiImportCommand(
  dir: string,
  path: string,
  bytes: Uint8Array,
  kind: 'qdpx' | 'qdc',
  output: CommandOutput,
  options: { coder?: string; dryRun?: boolean } = {},
): Promise<void> {
  const service = await createService({
    host: 'browser',
    version: packageVersion(),
    appDataDir: appDataDir(),
    watch: false,
    coder: cliCoder(options.coder),
  });
  try {
    await service.open(dir);
    const session = service.ctx.session!;
    const file = { bytes, fileName: basename(path) };
    const dryRun = options.dryRun === true;
    const text =
      kind === 'qdpx'
        ? formatProjectReport(await importProject(session, file, { dryRun }), session.info.root)
        : formatCodebookReport(
            await importCodebookFile(session.annotations, file, { dryRun }),
            session.info.root,
          );
    output.stdout.write(terminalSafe(text));
  } finally {
    if (service.ctx.session) await reportStoreProblems(service).catch(() => undefined);
    await service.close();
  }
}

export async function readImportFile(path: string): Promise<Uint8Array> {
  const bytes = await readFile(path);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
