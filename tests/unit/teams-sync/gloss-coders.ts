/**
 * Test helpers for coders working through Gloss itself on copies of one library: the `gloss`
 * command run from source as a child process (so two can run at once), each "machine" being its
 * own app-data folder (its own installation id), and the in-process service for what the command
 * line cannot do (renaming tags).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createService, type GlossService } from '../../../core/api/service.js';

const REPO = resolve(import.meta.dirname, '..', '..', '..');

/** One coder on one machine: a display name and that machine's app-data folder. */
export interface Machine {
  coder: string;
  dataDir: string;
  library: string;
}

/** Runs `gloss ...args` from source; resolves with its exit code and output (never rejects). */
export function glossAsync(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(REPO, 'cli/index.ts'), ...args], {
      cwd: REPO,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

export interface Passage {
  article: string;
  quote: string;
  tags: string[];
}

/** `gloss annotate --coder` on the machine's copy; returns the new highlight's id. */
export async function annotate(machine: Machine, passage: Passage): Promise<string> {
  const args = ['annotate', machine.library, '--coder', machine.coder, '--article', passage.article];
  args.push('--quote', passage.quote, ...passage.tags.flatMap((tag) => ['--tag', tag]));
  const result = await glossAsync(args, { GLOSS_DATA_DIR: machine.dataDir });
  if (result.code !== 0)
    throw new Error(`gloss annotate as ${machine.coder} failed (${result.code}): ${result.stderr}`);
  return (JSON.parse(result.stdout) as { id: string }).id;
}

export interface ExportedAnnotation {
  id: string;
  creator?: { type: string; id: string; name: string };
  body: { purpose: string; value: string }[];
  target: { source: string; selector: { type: string; exact?: string }[] };
  gloss: { id: string; tagIds: string[] };
}
export interface ExportedLibrary {
  first: { items: ExportedAnnotation[] };
  gloss: { codebook: { tags: { id: string; name: string; path: string }[] } };
}

/**
 * `gloss export --format json` of the machine's copy, read fresh from disk, without the moments
 * of export (the only fields that differ between two exports of the same data).
 */
export async function exportJson(machine: Machine): Promise<ExportedLibrary> {
  const result = await glossAsync(['export', machine.library, '--format', 'json'], {
    GLOSS_DATA_DIR: machine.dataDir,
  });
  if (result.code !== 0) throw new Error(`gloss export failed (${result.code}): ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as ExportedLibrary & {
    generated?: string;
    gloss: { exported?: string };
  };
  delete parsed.generated;
  delete parsed.gloss.exported;
  // The label names the library's folder, which differs from copy to copy.
  delete (parsed as { label?: string }).label;
  parsed.first.items.sort((a, b) => a.id.localeCompare(b.id));
  return parsed;
}

/** The Gloss service on the machine's copy, coding as the machine's coder. */
export async function openAs(machine: Machine): Promise<GlossService> {
  const service = await createService({ host: 'browser', version: 'test', appDataDir: machine.dataDir });
  await service.open(machine.library);
  await service.ctx.session?.library.whenScanned();
  await service.handlers.setCoder({ name: machine.coder });
  return service;
}

/** The id of the tag at `path` (`Parent/Child`) in the service's merged codebook. */
export async function tagIdAt(service: GlossService, path: string): Promise<string> {
  const { tags } = await service.handlers.listTags({});
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const pathOf = (id: string | null): string => {
    const tag = id ? byId.get(id) : undefined;
    return tag ? (tag.parentId ? `${pathOf(tag.parentId)}/${tag.name}` : tag.name) : '';
  };
  const found = tags.find((tag) => pathOf(tag.id) === path);
  if (!found) throw new Error(`no tag "${path}" in ${tags.map((tag) => pathOf(tag.id)).join(', ')}`);
  return found.id;
}

/** Polls `check` every 250 ms until true or `timeoutMs`; returns whether it became true. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 250));
  }
}
