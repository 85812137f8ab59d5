/**
 * The move of a library written by the release before coders into the local coder's writer folder:
 * on a copy of tests/fixtures/pre-teams-library, every id, tag (a merged and a deleted one too),
 * note and memo survives, a backup keeps the old files, a second run does nothing, and a crash
 * before the old files were moved re-runs cleanly.
 */
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writerIdentity } from '../../../core/settings/coder-identity.js';
import { HlcClock } from '../../../core/teams/hlc.js';
import { migrateToWriters, needsMigration } from '../../../core/store/migrate-to-writers.js';
import { readMergedLibrary } from '../../../core/store/writer-folders.js';
import { tempDataDir } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/pre-teams-library/.gloss', import.meta.url));
const me = writerIdentity('Li Wei', '0a1b2c3d');
const clock = () => new HlcClock(me.writerId);

interface OldArticle {
  articleId: string;
  memo: string;
  annotations: { id: string; tagIds: string[]; note: string; quote: { exact: string } }[];
}

async function fixtureCopy(): Promise<string> {
  const dir = path.join(await tempDataDir(), '.gloss');
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

async function oldFiles(): Promise<OldArticle[]> {
  const dir = path.join(FIXTURE, 'annotations');
  const names = (await readdir(dir)).sort();
  return Promise.all(
    names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8')) as OldArticle),
  );
}

/** The merged view, in a form to compare: highlights with their tags and notes, memos, tag names. */
async function view(dataDir: string) {
  const lib = await readMergedLibrary(dataDir);
  return {
    highlights: [...lib.articles.values()].flatMap((a) =>
      a.annotations.map((h) => ({
        id: h.id,
        articleId: h.articleId,
        tagIds: h.tagIds,
        note: h.note,
        quote: h.quote.exact,
      })),
    ),
    memos: [...lib.articles.values()].map((a) => [a.articleId, a.memos.map((m) => m.memo)]),
    tags: lib.codebook.view.tags.map((t) => t.name),
    retired: lib.codebook.view.retired,
    problems: lib.problems,
  };
}

describe('migration to writer folders', () => {
  it('keeps every id, tag, note and memo, and the old files in a backup', async () => {
    const dataDir = await fixtureCopy();
    const before = await oldFiles();
    const oldBook = JSON.parse(await readFile(path.join(FIXTURE, 'codebook.json'), 'utf8'));
    const report = await migrateToWriters(dataDir, me, { clock: clock() });
    expect(report).toMatchObject({ articles: 3, highlights: 6, codebook: true, unreadable: [] });

    const after = await view(dataDir);
    expect(after.problems).toEqual([]);
    const expected = before.flatMap((f) =>
      f.annotations.map((h) => ({
        id: h.id,
        articleId: f.articleId,
        tagIds: h.tagIds,
        note: h.note,
        quote: h.quote.exact,
      })),
    );
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...after.highlights].sort(byId)).toEqual([...expected].sort(byId));
    expect(after.memos).toEqual(
      before
        .map((f) => [f.articleId, f.memo ? [f.memo] : []])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    // Tags in the order they had; the merge (Prediction → Forecast) and the delete (Temp) are kept.
    expect(after.tags).toEqual(oldBook.tags.map((t: { name: string }) => t.name));
    expect(after.tags).toContain('Forecast');
    expect(after.tags).not.toContain('Temp');
    expect(after.retired).toEqual(oldBook.retired);

    // Whose the highlights are: the migrating coder, recorded in the files.
    const lib = await readMergedLibrary(dataDir);
    expect(lib.writers).toEqual([{ writerId: me.writerId, coder: me.coder }]);
    for (const a of lib.articles.values())
      for (const h of a.annotations)
        expect(h).toMatchObject({ creator: 'Li Wei', creatorId: 'li-wei', writerId: me.writerId });

    // The old files, unchanged, in the backup; none left where they were.
    expect(await needsMigration(dataDir)).toBe(false);
    const backup = report!.backupDir;
    expect(path.basename(backup)).toMatch(/^backup-pre-teams-/);
    expect(await readFile(path.join(backup, 'codebook.json'), 'utf8')).toBe(
      await readFile(path.join(FIXTURE, 'codebook.json'), 'utf8'),
    );
    expect((await readdir(path.join(backup, 'annotations'))).sort()).toEqual(
      (await readdir(path.join(FIXTURE, 'annotations'))).sort(),
    );
    expect(await readFile(path.join(dataDir, '.gitignore'), 'utf8')).toBe('locks/\ncache/\n');

    // A second open does nothing.
    expect(await migrateToWriters(dataDir, me, { clock: clock() })).toBeNull();
    expect(await view(dataDir)).toEqual(after);
  });

  it('re-runs cleanly after a crash before the old files were moved', async () => {
    const dataDir = await fixtureCopy();
    const crashed = migrateToWriters(dataDir, me, {
      clock: clock(),
      move: async () => {
        throw new Error('power cut');
      },
    });
    await expect(crashed).rejects.toThrow('power cut');
    expect(await needsMigration(dataDir)).toBe(true);

    const report = await migrateToWriters(dataDir, me, { clock: clock() });
    expect(report).toMatchObject({ articles: 3, highlights: 6 });
    const fresh = await fixtureCopy();
    await migrateToWriters(fresh, me, { clock: clock() });
    // The same view as a migration that never crashed (the codebook converted once).
    expect(await view(dataDir)).toEqual(await view(fresh));
  });
});
