/** `gloss import DIR FILE.json`: merges a Gloss JSON export into the library and prints what changed. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createService } from '../../core/api/service.js';
import { cliCoder, reportStoreProblems } from './open-for-cli.js';
import { importAnnotations, type ImportSummary } from '../../core/export/import-annotations.js';
import { appDataDir, packageVersion } from '../app-paths.js';
import { CliError } from '../cli-error.js';
import { terminalSafe } from '../terminal-text.js';
import type { CommandOutput } from './export.js';

const processOutput: CommandOutput = { stdout: process.stdout, stderr: process.stderr };

/** At most this many conflicts and unplaced highlights are listed one by one. */
const LISTED = 20;

export async function importCommand(
  dir: string,
  file: string,
  output: CommandOutput = processOutput,
  coder?: string,
): Promise<void> {
  const path = resolve(file);
  const json = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new CliError(`Cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  });
  const service = await createService({
    host: 'browser',
    version: packageVersion(),
    appDataDir: appDataDir(),
    watch: false,
    coder: cliCoder(coder),
  });
  try {
    await service.open(dir);
    const session = service.ctx.session!;
    const summary = await importAnnotations(session, json);
    output.stdout.write(terminalSafe(formatImportSummary(summary, path, session.info.root)));
  } finally {
    if (service.ctx.session) await reportStoreProblems(service).catch(() => undefined);
    await service.close();
  }
}

function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function listed<T>(items: readonly T[], line: (item: T) => string): string[] {
  const out = items.slice(0, LISTED).map((item) => `    ${line(item)}`);
  if (items.length > LISTED) out.push(`    … and ${items.length - LISTED} more`);
  return out;
}

export function formatImportSummary(s: ImportSummary, file: string, root: string): string {
  const lines = [
    `Imported ${file} into ${root}`,
    `  added          ${s.added}`,
    `  updated        ${s.updated}`,
    `  unchanged      ${s.unchanged}`,
    `  skipped        ${s.skipped}${s.skipped ? ' (the library had the newer version)' : ''}`,
    `  tags created   ${s.tagsCreated.length}${s.tagsCreated.length ? `: ${s.tagsCreated.join(', ')}` : ''}`,
    `  memos added    ${s.memosAdded}`,
    `  conflicts      ${s.conflicts.length}`,
    ...listed(
      s.conflicts,
      (c) =>
        `${c.articleId} ${c.id}: kept the ${c.kept} version (library ${c.localModified}, file ${c.importedModified})`,
    ),
    `  not placed     ${s.notPlaced.length}${s.notPlaced.length ? ' (stored; review them in Gloss)' : ''}`,
    ...listed(
      s.notPlaced,
      (n) =>
        `${n.articleId} ${n.id}: "${shorten(n.quote)}" (${n.reason === 'article-not-in-library' ? 'article not in this library' : 'text not found'})`,
    ),
  ];
  if (s.placedFuzzy) lines.push(`  placed on changed text: ${s.placedFuzzy}`);
  if (s.memoConflicts.length)
    lines.push(`  memos kept (different in the file): ${s.memoConflicts.join(', ')}`);
  for (const w of s.warnings) lines.push(`  warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
