/**
 * The browser mode's folder browser (`browseFolders`): what it lists inside a temporary folder,
 * how it words a bad choice, and that over HTTP it answers only with the token.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type GlossService } from '../../../core/api/service.js';
import { createClient } from '../../../core/api/client.js';
import type { GlossApi } from '../../../core/api/contract.js';
import { inProcessHost } from '../../support/in-process-client.js';
import { folderBrowserHandlers, expandPath } from '../../../core/api/folder-browser-handlers.js';
import { MAX_LISTED } from '../../../core/library/folder-listing.js';
import { serveTestLibrary, type ServedLibrary } from '../cli/serve-test-library.js';

const work = mkdtempSync(path.join(tmpdir(), 'gloss-browse-'));
const home = path.join(work, 'home');
let service: GlossService;
let api: GlossApi;

beforeAll(async () => {
  mkdirSync(path.join(home, 'news', '金融', '新浪'), { recursive: true });
  mkdirSync(path.join(home, 'Zeitung'));
  mkdirSync(path.join(home, '.config'));
  mkdirSync(path.join(home, '.cache'));
  mkdirSync(path.join(work, 'elsewhere'));
  writeFileSync(path.join(home, 'notes.txt'), 'not a folder');
  writeFileSync(path.join(home, 'news', 'a.md'), '# A');
  writeFileSync(path.join(home, 'news', '金融', 'b.html'), '<p>b</p>');
  writeFileSync(path.join(home, 'news', '金融', '新浪', 'c.txt'), 'c');
  writeFileSync(path.join(home, 'news', '金融', 'picture.png'), '');
  symlinkSync(path.join(work, 'elsewhere'), path.join(home, 'linked'));
  symlinkSync(path.join(home, 'notes.txt'), path.join(home, 'file-link'));
  symlinkSync(path.join(work, 'nowhere'), path.join(home, 'dangling'));
  service = await createService({ host: 'browser', version: 't', appDataDir: path.join(work, 'data') });
  Object.assign(
    service.handlers,
    folderBrowserHandlers(service.ctx, () => home),
  );
  api = createClient(inProcessHost(service).call);
});

afterAll(async () => {
  await service?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('browseFolders', () => {
  it('starts at the home folder and lists its sub-folders, hidden ones left out', async () => {
    const { listing, home: shownHome, recent } = await api.browseFolders({});
    expect(shownHome).toBe(home);
    expect(listing.path).toBe(home);
    expect(listing.problem).toBeNull();
    expect(listing.folders.map((f) => f.name)).toEqual(['linked', 'news', 'Zeitung']);
    expect(listing.hidden).toBe(2);
    expect(listing.parent).toBe(path.dirname(home));
    expect(listing.crumbs.at(-1)).toEqual({ name: 'home', path: home });
    expect(recent).toEqual([]);
  });

  it('shows hidden folders when asked', async () => {
    const { listing } = await api.browseFolders({ path: home, showHidden: true });
    expect(listing.folders.map((f) => f.name)).toEqual(['.cache', '.config', 'linked', 'news', 'Zeitung']);
    expect(listing.hidden).toBe(0);
  });

  it('marks a linked folder as a link to where it leads, and skips links to files or nowhere', async () => {
    const { listing } = await api.browseFolders({ path: home });
    const linked = listing.folders.find((f) => f.name === 'linked')!;
    expect(linked).toEqual({ name: 'linked', path: path.join(work, 'elsewhere'), link: true });
    expect(listing.folders.find((f) => f.name === 'news')!.link).toBe(false);
    expect(listing.folders.map((f) => f.name)).not.toContain('file-link');
    expect(listing.folders.map((f) => f.name)).not.toContain('dangling');
  });

  it('lists a folder reached through a link at its real path', async () => {
    const { listing } = await api.browseFolders({ path: path.join(home, 'linked') });
    expect(listing.path).toBe(path.join(work, 'elsewhere'));
  });

  it('counts the article files in a folder and below', async () => {
    const { listing } = await api.browseFolders({ path: path.join(home, 'news') });
    expect(listing.folders.map((f) => f.name)).toEqual(['金融']);
    expect(listing.articleFiles).toEqual({ count: 3, complete: true });
  });

  it('lists at most MAX_LISTED folders, the first by name, and says how many more there are', async () => {
    const many = path.join(work, 'many');
    for (let i = MAX_LISTED + 2; i >= 0; i--) mkdirSync(path.join(many, `d${i}`), { recursive: true });
    const { listing } = await api.browseFolders({ path: many });
    expect(listing.folders).toHaveLength(MAX_LISTED);
    expect(listing.folders.slice(0, 3).map((f) => f.name)).toEqual(['d0', 'd1', 'd2']);
    expect(listing.more).toBe(3);
  });

  it('takes ~ as the home folder', async () => {
    expect((await api.browseFolders({ path: '~/news' })).listing.path).toBe(path.join(home, 'news'));
    expect(expandPath('~', '/h')).toBe('/h');
    expect(expandPath('docs', '/h')).toBe(path.resolve('/h', 'docs'));
  });

  it('says a file is not a folder', async () => {
    const { listing } = await api.browseFolders({ path: path.join(home, 'notes.txt') });
    expect(listing.problem).toBe('not-folder');
    expect(listing.folders).toEqual([]);
    expect(listing.parent).toBe(home);
  });

  it('says a folder that vanished is missing, and lets the user go up', async () => {
    const gone = path.join(home, 'gone');
    mkdirSync(gone);
    rmSync(gone, { recursive: true });
    const { listing } = await api.browseFolders({ path: gone });
    expect(listing.problem).toBe('missing');
    expect(listing.parent).toBe(home);
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')(
    'says a folder it may not read is denied',
    async () => {
      const locked = path.join(home, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o000);
      try {
        expect((await api.browseFolders({ path: locked })).listing.problem).toBe('denied');
      } finally {
        chmodSync(locked, 0o755);
        rmSync(locked, { recursive: true });
      }
    },
  );

  it('lists the recent libraries, saying which are gone', async () => {
    const library = path.join(home, 'news');
    await service.open(library);
    await service.ctx.settings.addRecent(path.join(home, 'moved-away'));
    const { recent } = await api.browseFolders({});
    expect(recent).toEqual([
      { path: path.join(home, 'moved-away'), exists: false },
      { path: library, exists: true },
    ]);
  });

  it('is refused in the desktop app, which has its own dialog', async () => {
    const desktop = { ...service.ctx, host: 'desktop' as const };
    await expect(folderBrowserHandlers(desktop).browseFolders({ showHidden: false })).rejects.toThrow(
      /own dialog/,
    );
  });
});

describe('browseFolders over HTTP', () => {
  let served: ServedLibrary;
  beforeAll(async () => {
    served = await serveTestLibrary({ 'a.md': '# A' });
  });
  afterAll(async () => {
    await served?.close();
  });

  const post = (headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${served.server.port}/api/op/browseFolders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ path: home }),
    });

  it('refuses a request without the token or with a wrong one', async () => {
    for (const headers of [{}, { 'X-Gloss-Token': 'wrong' }] as Record<string, string>[]) {
      const reply = await post(headers);
      expect(reply.status).toBe(401);
      expect(JSON.stringify(await reply.json())).not.toContain('news');
    }
  });

  it('answers a request with the token', async () => {
    const reply = await post({ 'X-Gloss-Token': served.token });
    expect(reply.status).toBe(200);
    const body = (await reply.json()) as { result: { listing: { folders: { name: string }[] } } };
    expect(body.result.listing.folders.map((f) => f.name)).toContain('news');
  });
});
