/** Opens a library for a one-shot CLI command: no file watching, scan finished before use. */
import { createService, type GlossService } from '../../core/api/service.js';
import { appDataDir, packageVersion } from '../app-paths.js';
import { terminalSafe } from '../terminal-text.js';

/**
 * The coder a writing command works as: `--coder NAME`, else the environment's GLOSS_CODER, else
 * null (the preference, else the OS user; see core/api/coder-handlers.ts).
 */
export function cliCoder(option: string | undefined, env = process.env): { name: string } | null {
  const name = (option ?? env.GLOSS_CODER ?? '').trim();
  return name ? { name } : null;
}

export async function openLibraryForCli(dir: string, coder?: string): Promise<GlossService> {
  const service = await createService({
    host: 'browser',
    version: packageVersion(),
    appDataDir: appDataDir(),
    watch: false,
    coder: cliCoder(coder),
  });
  try {
    await service.open(dir);
    await service.ctx.session!.library.whenScanned();
  } catch (err) {
    await service.close();
    throw err;
  }
  return service;
}

/**
 * Runs `body` with the library open, and closes it whatever happens. What the store found wrong
 * meanwhile (a corrupt file moved aside, one written by a newer Gloss) goes to stderr: an export
 * or a script must not lose a file's highlights without a word.
 */
export async function withLibrary<T>(
  dir: string,
  body: (service: GlossService) => Promise<T>,
  coder?: string,
): Promise<T> {
  const service = await openLibraryForCli(dir, coder);
  try {
    return await body(service);
  } finally {
    await reportStoreProblems(service).catch(() => undefined);
    await service.close();
  }
}

/** Writes what the store found wrong during the command (see withLibrary). */
export async function reportStoreProblems(
  service: GlossService,
  write: (line: string) => unknown = (line) => process.stderr.write(line),
): Promise<void> {
  const { problems, readOnly } = await service.handlers.getStoreProblems({});
  for (const p of problems) write(`gloss: ${terminalSafe(`${p.file}: ${p.message}`)}\n`);
  if (readOnly && !problems.some((p) => p.message === readOnly))
    write(`gloss: the annotations are read-only: ${terminalSafe(readOnly)}\n`);
}
