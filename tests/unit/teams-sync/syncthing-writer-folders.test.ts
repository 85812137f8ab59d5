// Two real Syncthing instances on 127.0.0.1 sync two copies of a library while two writers each
// write only their own writer folder at the same time: the copies end identical, holding both
// writers' files, and Syncthing never needs a conflict copy (no file has two writers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportMissingTool, requiredTool } from '../../support/required-tool.js';
import { startSyncthingPair, type SyncthingPair } from '../../support/syncthing.js';
import {
  ARTICLES,
  articleAt,
  isSyncLeftover,
  listFiles,
  makeLibrary,
  snapshot,
  WriterFiles,
} from './writer-files.js';

const syncthing = requiredTool('syncthing');
/** What docs/TEAMS.md tells users to put in `.stignore`. */
const STIGNORE = ['/.gloss/locks', '/.gloss/cache', '/.gloss/**/.*.tmp'];
const syncthingOwn = (path: string) => path === '.stfolder' || path === '.stignore';

reportMissingTool(syncthing);

describe.skipIf(!syncthing.available)('writer folders under Syncthing (two instances on loopback)', () => {
  let work: string;
  let pair: SyncthingPair;
  let a: WriterFiles;
  let b: WriterFiles;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gloss-teams-sync-'));
    // Two copies of one library, as when a colleague copies the folder before sharing it.
    makeLibrary(join(work, 'a'));
    cpSync(join(work, 'a'), join(work, 'b'), { recursive: true, preserveTimestamps: true });
    pair = await startSyncthingPair({ folders: [join(work, 'a'), join(work, 'b')], ignore: STIGNORE });
    a = new WriterFiles(join(work, 'a'), 'alice.0a1b2c3d');
    b = new WriterFiles(join(work, 'b'), 'bo.9f8e7d6c');
  }, 60_000); // two Syncthing instances start and pair: seconds, more on a busy machine
  afterAll(async () => {
    await pair?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ends with both copies byte-identical, holding every writer file, with no conflict copy', async () => {
    const localA = a.writeLocalFiles();
    const localB = b.writeLocalFiles();
    // Several rounds of concurrent writes, with pauses shorter and longer than the watcher's 1 s
    // delay, so files change while the other side is still pulling their previous version.
    for (let round = 0; round < 6; round++) {
      await Promise.all(
        [a, b].map(async (writer, side) => {
          await writer.addHighlight(articleAt(round + side));
          await writer.addHighlight(articleAt(round));
          if (round % 2 === side) await writer.addTag();
        }),
      );
      await new Promise((done) => setTimeout(done, [200, 1300, 600][round % 3]));
    }
    await pair.waitInSync({ timeoutMs: 45_000 });

    const copyA = snapshot(join(work, 'a'), syncthingOwn);
    const copyB = snapshot(join(work, 'b'), syncthingOwn);
    const shared = (copy: Map<string, string>) =>
      [...copy].filter(([path]) => !/^\.gloss\/(locks|cache)\//.test(path));
    expect(shared(copyA)).toEqual(shared(copyB));

    for (const writer of [a, b])
      for (const [path, content] of writer.written) {
        expect(copyA.get(path), `${path} in copy a`).toBe(content);
        expect(copyB.get(path), `${path} in copy b`).toBe(content);
      }
    expect(a.written.size + b.written.size).toBe(2 * (ARTICLES.length + 1));

    for (const side of ['a', 'b']) expect(listFiles(join(work, side)).filter(isSyncLeftover)).toEqual([]);

    // The machine-local folders stay on their machine (ignored through .stignore).
    for (const file of localA) expect(existsSync(join(work, 'b', file)), file).toBe(false);
    for (const file of localB) expect(existsSync(join(work, 'a', file)), file).toBe(false);
  });

  it('carries a later change to the other copy within seconds, through the watcher alone', async () => {
    await b.addHighlight(articleAt(0));
    const path = `${b.folder}/annotations/${articleAt(0)}.json`;
    const arrived = () =>
      existsSync(join(work, 'a', path)) &&
      readFileSync(join(work, 'a', path), 'utf8') === b.written.get(path);
    // No scan requested: Syncthing's watcher (1 s delay) must notice the write by itself.
    const deadline = Date.now() + 10_000;
    while (!arrived() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 200));
    expect(arrived()).toBe(true);
  });
});
