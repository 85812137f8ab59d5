/**
 * Starts `gloss serve` (the built CLI, as a user runs it) on a copy of a library, with its own
 * data folder, and waits for the URL it prints. It codes as `E2E_CODER` unless told otherwise
 * (`--coder` answers the first-run question, so the prompt stays away from tests about other
 * things); `coder: null` starts it as on a first run. `prepare` runs on the copied library before
 * the server starts (e.g. another coder's highlights made with the CLI, see `annotateAs`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..', '..');
export const SAMPLE_LIBRARY = join(REPO, 'assets', 'sample-library');
export const E2E_CODER = 'Tester';
const GLOSS = join(REPO, 'bin', 'gloss.js');

export interface ServedGloss {
  url: string;
  origin: string;
  port: number;
  token: string;
  library: string;
  dataDir: string;
  process: ChildProcess;
  /** Calls the API directly (with the token), e.g. to check what was stored. */
  call<T>(op: string, input: unknown): Promise<T>;
  stop(): Promise<void>;
}

export interface ServeOptions {
  library?: string;
  copy?: boolean;
  /** Who codes (`--coder`); null: nobody said yet, the first-run question shows. */
  coder?: string | null;
  prepare?(library: string, work: string): void;
  /** More environment for the server (e.g. HOME, where the folder browser starts). */
  env?: Record<string, string>;
}

export async function serveGloss(options: ServeOptions = {}): Promise<ServedGloss> {
  const work = mkdtempSync(join(tmpdir(), 'gloss-e2e-'));
  const dataDir = join(work, 'app-data');
  let library = options.library ?? SAMPLE_LIBRARY;
  if (options.copy !== false) {
    cpSync(library, join(work, 'library'), { recursive: true, filter: (src) => !src.includes('.gloss') });
    library = join(work, 'library');
  }
  options.prepare?.(library, work);
  const coder = options.coder === undefined ? E2E_CODER : options.coder;
  const child = spawn(process.execPath, [GLOSS, 'serve', library, ...(coder ? ['--coder', coder] : [])], {
    env: { ...process.env, ...options.env, GLOSS_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`gloss serve did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gloss serve exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.hash.replace('#token=', ''),
    library,
    dataDir,
    process: child,
    async call<T>(op: string, input: unknown): Promise<T> {
      const response = await fetch(`${parsed.origin}/api/op/${op}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': parsed.hash.replace('#token=', '') },
        body: JSON.stringify(input),
      });
      const reply = (await response.json()) as { ok: boolean; result: T; error?: { message: string } };
      if (!reply.ok) throw new Error(reply.error?.message);
      return reply.result;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * Adds a highlight as another coder on another machine would: the CLI's `annotate --coder`, with
 * a data folder of its own (another installation, so another writer folder). Returns its JSON.
 */
export function annotateAs(
  coder: string,
  library: string,
  dataDir: string,
  highlight: { article: string; quote: string; tag?: string[]; note?: string },
): { id: string; articleId: string } {
  const args = [GLOSS, 'annotate', library, '--coder', coder, '--article', highlight.article];
  args.push('--quote', highlight.quote);
  for (const tag of highlight.tag ?? []) args.push('--tag', tag);
  if (highlight.note) args.push('--note', highlight.note);
  const out = execFileSync(process.execPath, args, {
    env: { ...process.env, GLOSS_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  keepAsWriter(library, coder);
  return JSON.parse(out) as { id: string; articleId: string };
}

/**
 * A CLI that still writes the store of before coders (`.gloss/annotations/`) leaves its highlights
 * where the server would take them in as its own coder's: they are moved into a writer folder of
 * `coder`, as that coder's machine would have written and synced them. Nothing to do once the CLI
 * writes its own writer folder.
 */
function keepAsWriter(library: string, coder: string): void {
  const legacy = join(library, '.gloss', 'annotations');
  if (!existsSync(legacy)) return;
  const coderId = coder.toLowerCase();
  const writerId = `${coderId}.e2e0b0b0`;
  const folder = join(library, '.gloss', 'coders', writerId);
  mkdirSync(folder, { recursive: true });
  renameSync(legacy, join(folder, 'annotations'));
  const writer = {
    schemaVersion: 1,
    writerId,
    coder: { id: coderId, name: coder },
    created: new Date().toISOString(),
  };
  writeFileSync(join(folder, 'writer.json'), JSON.stringify(writer));
}
