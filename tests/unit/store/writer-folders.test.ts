/**
 * Two machines after a sync: each writes only its own writer folder, and reading merges them all.
 * Highlights and codebook changes of the other coder show; concurrent renames of one tag give one
 * winner and a conflict on both machines; conflict copies are merged and reported; a file still
 * arriving is reported, never changed; and, as a property, any order of delivering the writer
 * folders (with conflict copies and half-arrived files on the way) ends in the same view everywhere
 * with every acknowledged highlight in it.
 */
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model.js';
import { writerIdentity, type WriterIdentity } from '../../../core/settings/coder-identity.js';
import { createTag, updateTag } from '../../../core/store/codebook.js';
import { emptyArticleFile, type ArticleFile } from '../../../core/store/store-schema.js';
import { articleFileName } from '../../../core/store/store-layout.js';
import { readMergedLibrary, writerFolder, writeWriterFile } from '../../../core/store/writer-folders.js';
import { HlcClock } from '../../../core/teams/hlc.js';
import { changeTeamCodebook } from '../../../core/store/team-codebook.js';
import { ProblemLog } from '../../../core/store/store-problems.js';
import type { CodebookFile } from '../../../core/store/store-schema.js';

/** One writer's codebook change in one data folder, as the store makes it. */
const changeCodebook = <R>(dir: string, writerId: string, clock: HlcClock, fn: (book: CodebookFile) => R) =>
  changeTeamCodebook([dir], writerId, clock, new ProblemLog(), fn);
import { highlightOf, tempDataDir } from './helpers.js';

const ana = writerIdentity('Ana', 'aaaa0001');
const bo = writerIdentity('Bo', 'bbbb0002');
const cy = writerIdentity('Cy', 'cccc0003');

/** What one writer does on its own machine: add a highlight to its file for the article. */
async function addHighlight(
  dataDir: string,
  writer: WriterIdentity,
  articleId: string,
  id: string,
  quote: string,
  note = '',
  modified = '2026-01-01T00:00:00.000Z',
): Promise<Annotation> {
  const folder = writerFolder(dataDir, writer.writerId);
  await mkdir(folder.annotationsDir, { recursive: true });
  await writeWriterFile(dataDir, writer.writerId, writer.coder);
  const file = path.join(folder.annotationsDir, articleFileName(articleId));
  const doc: ArticleFile =
    JSON.parse(await readFile(file, 'utf8').catch(() => 'null')) ?? emptyArticleFile(articleId);
  const input = highlightOf(articleId, quote);
  const a: Annotation = {
    id,
    articleId,
    quote: input.quote,
    position: input.position,
    tagIds: [],
    note,
    color: null,
    creator: writer.coder.name,
    creatorId: writer.coder.id,
    created: modified,
    modified,
  };
  doc.annotations = [...doc.annotations.filter((x) => x.id !== id), a];
  await writeFile(file, JSON.stringify(doc));
  return a;
}

/** A sync tool delivering one writer's folder from one machine to another. */
async function deliver(from: string, to: string, writerId: string): Promise<void> {
  const src = writerFolder(from, writerId).dir;
  if (!(await stat(src).catch(() => null))) return; // nothing written there yet
  await mkdir(path.dirname(writerFolder(to, writerId).dir), { recursive: true });
  await cp(src, writerFolder(to, writerId).dir, { recursive: true, force: true });
}

async function machine(): Promise<string> {
  return path.join(await tempDataDir(), '.gloss');
}

/** The merged view in a comparable form. */
async function view(dataDir: string) {
  const lib = await readMergedLibrary(dataDir);
  return {
    articles: [...lib.articles.values()].map((a) => ({
      articleId: a.articleId,
      annotations: a.annotations,
      memos: a.memos,
    })),
    codebook: lib.codebook.view,
  };
}

describe('writer folders', () => {
  it("two machines see each other's highlights and codebook changes once the folders are synced", async () => {
    const one = await machine();
    const two = await machine();
    await addHighlight(one, ana, 'a1', 'h-ana', '国务院');
    await addHighlight(two, bo, 'a1', 'h-bo', '新华社');
    const anaClock = new HlcClock(ana.writerId);
    const boClock = new HlcClock(bo.writerId);
    const tag = await changeCodebook(one, ana.writerId, anaClock, (book) =>
      createTag(book, { name: '经济' }, 't1'),
    );

    await deliver(one, two, ana.writerId);
    await deliver(two, one, bo.writerId);
    for (const dir of [one, two]) {
      const lib = await readMergedLibrary(dir);
      expect(lib.articles.get('a1')!.annotations.map((a) => [a.id, a.writerId])).toEqual([
        ['h-bo', bo.writerId],
        ['h-ana', ana.writerId],
      ]);
      expect(lib.codebook.view.tags).toEqual([tag]);
      expect(lib.writers.map((w) => w.coder)).toEqual([ana.coder, bo.coder]);
    }
    // Bo recolours Ana's tag on his machine: his own book records it, Ana sees it after the sync.
    await changeCodebook(two, bo.writerId, boClock, (book) => updateTag(book, 't1', { color: '#009E73' }));
    expect(await readdir(writerFolder(two, ana.writerId).dir)).not.toContain('nothing-new');
    await deliver(two, one, bo.writerId);
    expect((await readMergedLibrary(one)).codebook.view.tags[0]!.color).toBe('#009E73');
    expect(await view(one)).toEqual(await view(two));
  });

  it('concurrent renames of one tag: one winner everywhere, and a conflict reported on both machines', async () => {
    const one = await machine();
    const two = await machine();
    const anaClock = new HlcClock(ana.writerId);
    const boClock = new HlcClock(bo.writerId);
    await changeCodebook(one, ana.writerId, anaClock, (book) => createTag(book, { name: 'Claim' }, 't1'));
    await deliver(one, two, ana.writerId);
    await changeCodebook(one, ana.writerId, anaClock, (book) => updateTag(book, 't1', { name: '主张' }));
    await changeCodebook(two, bo.writerId, boClock, (book) => updateTag(book, 't1', { name: '论断' }));
    await deliver(one, two, ana.writerId);
    await deliver(two, one, bo.writerId);
    const [a, b] = [await readMergedLibrary(one), await readMergedLibrary(two)];
    expect(a.codebook.view).toEqual(b.codebook.view);
    expect(['主张', '论断']).toContain(a.codebook.view.tags[0]!.name);
    for (const lib of [a, b]) {
      const conflicts = lib.problems.filter((p) => p.kind === 'codebook-conflict');
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.message).toContain('主张');
      expect(conflicts[0]!.message).toContain('论断');
    }
  });

  it('merges and reports conflict copies, reports files still arriving, ignores sync temp files', async () => {
    const dir = await machine();
    await addHighlight(dir, ana, 'a1', 'h1', '国务院', 'live');
    const folder = writerFolder(dir, ana.writerId);
    const live = path.join(folder.annotationsDir, 'a1.json');
    const doc: ArticleFile = JSON.parse(await readFile(live, 'utf8'));
    // The same writer on a second machine added h2: Syncthing kept its file as a conflict copy.
    const copy = {
      ...doc,
      annotations: [...doc.annotations, { ...doc.annotations[0]!, id: 'h2', note: 'copy' }],
    };
    await writeFile(
      path.join(folder.annotationsDir, 'a1.sync-conflict-20260101-101010-ABCDEFG.json'),
      JSON.stringify(copy),
    );
    // Bo's file is half-transferred; a temp file of the sync tool lies beside it.
    await addHighlight(dir, bo, 'a2', 'h3', '新华社');
    const half = path.join(writerFolder(dir, bo.writerId).annotationsDir, 'a2.json');
    const text = await readFile(half, 'utf8');
    await writeFile(half, text.slice(0, text.length / 2));
    await writeFile(path.join(writerFolder(dir, bo.writerId).annotationsDir, '.syncthing.a3.json.tmp'), '{');

    const lib = await readMergedLibrary(dir);
    expect(lib.articles.get('a1')!.annotations.map((a) => a.id)).toEqual(['h1', 'h2']);
    expect(lib.articles.has('a2')).toBe(false);
    expect(lib.problems.map((p) => [p.kind, path.basename(p.file)]).sort()).toEqual([
      ['conflict-copy', 'a1.sync-conflict-20260101-101010-ABCDEFG.json'],
      ['unreadable', 'a2.json'],
    ]);
    // Never moved aside or rewritten: the rest arrives later and is read then.
    expect(await readFile(half, 'utf8')).toBe(text.slice(0, text.length / 2));
    await writeFile(half, text);
    expect((await readMergedLibrary(dir)).articles.get('a2')!.annotations.map((a) => a.id)).toEqual(['h3']);
  });

  it('any delivery order, with conflict copies and half files on the way, converges with nothing lost', async () => {
    const writers = [ana, bo, cy];
    const quotes = ['国务院', '新华社', '总理', '目标'];
    type Op =
      | { kind: 'highlight'; w: number; article: number; quote: number; note: string }
      | { kind: 'edit'; w: number; note: string }
      | { kind: 'tag'; w: number; name: string }
      | { kind: 'rename'; w: number; name: string }
      | { kind: 'sync'; from: number; to: number; w: number; as: 'plain' | 'conflict-copy' | 'truncated' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('highlight' as const),
        w: fc.nat(2),
        article: fc.nat(1),
        quote: fc.nat(3),
        note: fc.string({ maxLength: 4 }),
      }),
      fc.record({ kind: fc.constant('edit' as const), w: fc.nat(2), note: fc.string({ maxLength: 4 }) }),
      fc.record({
        kind: fc.constant('tag' as const),
        w: fc.nat(2),
        name: fc.constantFrom('经济', 'Claim', '政策'),
      }),
      fc.record({
        kind: fc.constant('rename' as const),
        w: fc.nat(2),
        name: fc.constantFrom('甲', '乙', '丙'),
      }),
      fc.record({
        kind: fc.constant('sync' as const),
        from: fc.nat(2),
        to: fc.nat(2),
        w: fc.nat(2),
        as: fc.constantFrom('plain' as const, 'conflict-copy' as const, 'truncated' as const),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const machines = [await machine(), await machine(), await machine()];
        const clocks = writers.map((w) => new HlcClock(w.writerId));
        const acknowledged = new Set<string>();
        const mine: string[][] = [[], [], []];
        let n = 0;
        for (const o of ops) {
          const at = 'w' in o ? o.w : 0;
          const home = machines[at]!;
          if (o.kind === 'highlight') {
            const id = `h${n++}`;
            const modified = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
            await addHighlight(home, writers[at]!, `a${o.article}`, id, quotes[o.quote]!, o.note, modified);
            acknowledged.add(id);
            mine[at]!.push(`a${o.article}:${id}:${quotes[o.quote]}`);
          } else if (o.kind === 'edit' && mine[at]!.length > 0) {
            const [article, id, quote] = mine[at]![0]!.split(':') as [string, string, string];
            const modified = new Date(Date.UTC(2026, 0, 1, 0, 0, n++)).toISOString();
            await addHighlight(home, writers[at]!, article, id, quote, o.note, modified);
          } else if (o.kind === 'tag') {
            await changeCodebook(home, writers[at]!.writerId, clocks[at]!, (book) => {
              if (!book.tags.some((t) => t.name === o.name)) createTag(book, { name: o.name }, `t-${o.name}`);
            });
          } else if (o.kind === 'rename') {
            await changeCodebook(home, writers[at]!.writerId, clocks[at]!, (book) => {
              const t = book.tags[0];
              if (t && !book.tags.some((x) => x.name === o.name)) updateTag(book, t.id, { name: o.name });
            });
          } else if (o.kind === 'sync' && o.from !== o.to) {
            const writerId = writers[o.w]!.writerId;
            const from = writerFolder(machines[o.from]!, writerId);
            const to = writerFolder(machines[o.to]!, writerId);
            const names = await readdir(from.annotationsDir).catch(() => [] as string[]);
            await mkdir(to.annotationsDir, { recursive: true });
            for (const name of names) {
              const text = await readFile(path.join(from.annotationsDir, name), 'utf8');
              if (o.as === 'plain') await writeFile(path.join(to.annotationsDir, name), text);
              else if (o.as === 'truncated')
                await writeFile(path.join(to.annotationsDir, name), text.slice(0, 7));
              else
                await writeFile(
                  path.join(
                    to.annotationsDir,
                    name.replace(/\.json$/, '.sync-conflict-20260101-000000-DEVICE1.json'),
                  ),
                  text,
                );
            }
          }
        }
        // The sync settles: each writer's folder, as its own machine has it, plus every conflict
        // copy any machine made, reaches every machine.
        for (let w = 0; w < writers.length; w++) {
          for (let m = 0; m < machines.length; m++)
            if (m !== w) await deliver(machines[w]!, machines[m]!, writers[w]!.writerId);
        }
        for (let m = 0; m < machines.length; m++)
          for (let other = 0; other < machines.length; other++)
            for (const w of writers) {
              const dir = writerFolder(machines[m]!, w.writerId).annotationsDir;
              for (const name of await readdir(dir).catch(() => [] as string[])) {
                if (!name.includes('sync-conflict')) continue;
                const target = writerFolder(machines[other]!, w.writerId).annotationsDir;
                await mkdir(target, { recursive: true });
                await writeFile(path.join(target, name), await readFile(path.join(dir, name)));
              }
            }
        const views = await Promise.all(machines.map(view));
        expect(views[1]).toEqual(views[0]);
        expect(views[2]).toEqual(views[0]);
        const shown = new Set(views[0]!.articles.flatMap((a) => a.annotations.map((h) => h.id)));
        for (const id of acknowledged) expect(shown.has(id)).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
