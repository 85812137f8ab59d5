// A library whose folder cannot be written, opened by a real unprivileged user: its highlights
// show (read-only), what is saved goes to the app-data folder on top and shows too, and when the
// folder can be written again it all moves in. And `.gloss` turning read-only mid-session is
// reported as read-only, not as another process being busy.
//
// The tests run as root here, and root ignores permissions: the user side runs as `nobody`
// (runuser) in a child process. Run as another user, chmod does the job in the same way.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { highlight, makeLibrary, openApi } from './api-session.js';
import { tempDataDir } from './helpers.js';

const SCRIPT = fileURLToPath(new URL('./read-only-user.script.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const asRoot = process.getuid?.() === 0;
const RUNUSER = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p));
const NOBODY = 65534;
/** Root without runuser cannot act as a user whom permissions stop. */
const skipReason =
  asRoot && !RUNUSER ? 'running as root without runuser: permissions cannot be tested' : null;

/** What the script printed: JSON from another process, checked by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ScriptResult = Record<string, any>;

function runAsUser(scenario: string, ...args: string[]): ScriptResult {
  const node = [process.execPath, '--import', 'tsx', SCRIPT, scenario, ...args];
  const [cmd, ...rest] = asRoot ? [RUNUSER!, '-u', 'nobody', '--', ...node] : node;
  const out = spawnSync(cmd!, rest, { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  const line = out.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) throw new Error(`${scenario} failed: ${out.stderr}`);
  return JSON.parse(line);
}

/** Makes `dir` and everything in it readable but not writable by the user side. */
async function makeReadOnly(dir: string): Promise<void> {
  const info = await stat(dir);
  if (info.isDirectory()) for (const name of await readdir(dir)) await makeReadOnly(path.join(dir, name));
  await chmod(dir, info.isDirectory() ? 0o555 : 0o444);
}

async function makeWritable(dir: string): Promise<void> {
  const info = await stat(dir);
  await chmod(dir, info.isDirectory() ? 0o755 : 0o644);
  if (info.isDirectory()) for (const name of await readdir(dir)) await makeWritable(path.join(dir, name));
}

/** A folder the user side owns (and can write). */
async function userFolder(): Promise<string> {
  const parent = await tempDataDir();
  await chmod(parent, 0o755);
  const dir = path.join(parent, 'mine');
  await mkdir(dir);
  if (asRoot) await chown(dir, NOBODY, NOBODY);
  return dir;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const file = path.join(dir, name);
    if ((await stat(file)).isFile()) out[name] = await readFile(file, 'utf8');
  }
  return out;
}

describe.skipIf(skipReason !== null)(
  `a read-only library${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    it('shows its highlights, layers new ones on top, and moves them in once writable', async () => {
      const { root, appData } = await makeLibrary({
        'alpha.md': '---\ntitle: Alpha\n---\nThe council approved the budget for schools.\n',
        'beta.md': '---\ntitle: Beta\n---\nRivers rose and the bridge was closed.\n',
      });
      // Coded while it could be written.
      let api = await openApi(root, appData);
      const alpha = (await api.call('listArticles')).articles.find((a) => a.title === 'Alpha')!;
      const first = await highlight(api, alpha.id, 'approved the budget');
      await api.close();
      await chmod(path.dirname(root), 0o755);
      await makeReadOnly(root);
      const before = await snapshot(path.join(root, '.gloss', 'coders'));
      const userData = await userFolder();

      const seen = runAsUser('read-only-library', root, userData);
      expect(seen.failed?.message).toBeUndefined();
      expect(seen.info.dataDirFallback).toBe(true);
      // The library's own highlight is shown…
      expect(seen.shown).toEqual(['exact']);
      expect(seen.status).toMatchObject({ readOnly: null, readOnlyBelow: path.join(root, '.gloss') });
      // …and what was saved meanwhile is layered on top, in lists and exports.
      expect(seen.counts).toEqual({ Alpha: 1, Beta: 1 });
      expect(seen.csvRows).toBe(2);
      expect(await snapshot(path.join(root, '.gloss', 'coders'))).toEqual(before);

      // The folder can be written again: Gloss offers to move what was saved, and nothing is lost.
      await makeWritable(root);
      api = await openApi(root, userData);
      const status = await api.call('getStoreProblems');
      expect(status.fallbackToMove).toMatchObject({ articles: 2 });
      expect(status.readOnlyBelow).toBeNull();
      // Until it is moved, what was saved meanwhile still shows: in the counts, lists and memos.
      const waiting = await api.call('listArticles');
      expect(Object.fromEntries(waiting.articles.map((a) => [a.title, a.annotationCount]))).toEqual({
        Alpha: 1,
        Beta: 1,
      });
      const betaId = waiting.articles.find((a) => a.title === 'Beta')!.id;
      expect((await api.call('listAnnotations', { articleId: betaId })).map((a) => a.id)).toEqual([
        seen.created,
      ]);
      expect((await api.call('listAnnotations', { articleId: alpha.id })).map((a) => a.id)).toEqual([
        first.id,
      ]);
      expect((await api.call('getMemo', { articleId: alpha.id })).memo).toBe('memo while read-only');
      const report = await api.call('moveFallbackIntoLibrary');
      expect(report).toMatchObject({ articles: 2, highlights: 1, memos: 1, tags: 0 });
      expect(existsSync(report.keptAt)).toBe(true);
      const list = await api.call('listArticles');
      expect(Object.fromEntries(list.articles.map((a) => [a.title, a.annotationCount]))).toEqual({
        Alpha: 1,
        Beta: 1,
      });
      const beta = list.articles.find((a) => a.title === 'Beta')!;
      expect((await api.call('listAnnotations', { articleId: beta.id })).map((a) => a.id)).toEqual([
        seen.created,
      ]);
      expect((await api.call('getMemo', { articleId: alpha.id })).memo).toBe('memo while read-only');
      expect((await api.call('getStoreProblems')).fallbackToMove).toBeNull();
      await api.close();
      // In the library's own store now: seen without the app-data folder.
      api = await openApi(root, await tempDataDir());
      expect((await api.call('listArticles')).articles.map((a) => a.annotationCount)).toEqual([1, 1]);
    });

    it('turning read-only mid-session is reported as read-only, never as busy', async () => {
      const dir = await userFolder();
      const result = runAsUser('turns-read-only', dir);
      expect(result.failed).toBeUndefined();
      expect(result.error).toMatchObject({ code: 'read-only', message: expect.stringMatching(/read-only/) });
      expect(result.error.message).not.toMatch(/busy|Another Gloss/);
      expect(result.kept).toBe(1);
      expect(result.afterCorrupt).toBe(0);
      expect(result.problems).toContainEqual(
        expect.stringMatching(
          /a1\.json could not be read \(not valid JSON at line 1, column 3\)\. It is in a read-only folder/,
        ),
      );
    });
  },
);
