// Gloss → .qdpx → Gloss: a random library (Chinese text, emoji, astral characters such as 𠀀,
// CR LF in notes) exported and imported into an empty library gives the same highlights, tags,
// coders, notes, memos and metadata.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../core/anchor/describe-range.js';
import { collectExport } from '../../../core/export/export-run.js';
import { startExport } from '../../../core/export/run-export.js';
import { importProject } from '../../../core/interop/import/import-project.js';
import type { Annotation, Coder } from '../../../core/model.js';
import { coderIdOf } from '../../../core/teams/coder.js';
import { highlightsOf, newLibrary, openSession, type TestSession } from './import-library.js';

const CHARS = [
  ...'中国经济增长政策报告新闻发布会记者表示市民物价稳定',
  ...'abcXYZ',
  ' ',
  '，',
  '。',
  '😀',
  '🎉',
  '👍🏽',
  '𠀀',
  '𠀁',
];
const paragraph = fc
  .array(fc.constantFrom(...CHARS), { minLength: 4, maxLength: 40 })
  .map((cs) => cs.join('').trim() || '空');
const note = fc.constantFrom('', '第一行\r\n第二行 😀', 'Check 𠀀 & <this>', '  spaced\r\n\r\nparagraphs  ');
const article = fc.record({
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 4 }),
  date: fc.constantFrom('2024-03-05', '2023-12-31'),
  author: fc.constantFrom('新华社', 'Li Wei'),
  categories: fc.uniqueArray(fc.constantFrom('经济', '政策', 'World'), { minLength: 0, maxLength: 2 }),
  url: fc.nat(99999).map((n) => `https://example.com/a/${n}`),
});
const mark = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 12 }),
  coder: fc.constantFrom('我', '李老师', 'Chen Jing'),
  tags: fc.subarray([0, 1, 2]),
  note,
});
const library = fc.record({
  articles: fc.array(article, { minLength: 1, maxLength: 3 }),
  marks: fc.array(fc.tuple(fc.nat(2), mark), { maxLength: 10 }),
  memo: note,
});

type ArticleSpec = typeof article extends fc.Arbitrary<infer T> ? T : never;

function articleFile(a: ArticleSpec, i: number): string {
  return [
    '---',
    `title: 文章${i} 😀`,
    `date: ${a.date}`,
    `author: ${a.author}`,
    `categories: [${a.categories.join(', ')}]`,
    `url: ${a.url}`,
    '---',
    ...a.paragraphs.map((p) => `<p>${p}</p>`),
    '',
  ].join('\n');
}

async function qdpxOf(session: TestSession): Promise<Uint8Array> {
  const run = await startExport(session, { format: 'qdpx' }, { libraryName: '随机库', version: 'test' });
  const { content } = await collectExport(run.chunks);
  return Buffer.from(content, 'base64');
}

/** What a highlight is, coder and all, without its ids and dates. */
async function summary(session: TestSession, articleId: string) {
  return (await highlightsOf(session, articleId))
    .map((h) => JSON.stringify([h.quote, h.a.position.start, h.a.position.end, h.tags, h.note, h.coder]))
    .sort();
}

describe('Gloss → .qdpx → Gloss', () => {
  it('keeps highlights, tags, coders, notes, memos and metadata', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(library, async (lib) => {
        const files = Object.fromEntries(lib.articles.map((a, i) => [`news/a${i}.html`, articleFile(a, i)]));
        const source = await openSession(await newLibrary(files), '我');
        const economy = await source.annotations.createTag({
          name: '经济',
          color: '#E69F00',
          description: '说明\r\n两行',
        });
        const growth = await source.annotations.createTag({
          name: '增长 🎉',
          parentId: economy.id,
          color: '#56B4E9',
        });
        const voices = await source.annotations.createTag({ name: 'Voices', color: '#CC79A7' });
        const tagIds = [economy.id, growth.id, voices.id];
        const ids = lib.articles.map((_, i) => source.library.idForPath(`news/a${i}.html`));
        const texts = await Promise.all(ids.map(async (id) => (await source.library.getText(id)).text));

        let n = 0;
        // Exports hold the articles with highlights or a memo.
        const exported = new Set<number>();
        for (const [which, m] of lib.marks) {
          const at = which % ids.length;
          const text = texts[at]!;
          const start = Math.min(text.length - 1, Math.floor(m.from * text.length));
          const selectors = describeRange(text, { start, end: Math.min(text.length, start + m.length) });
          if (!selectors.quote.exact.trim()) continue;
          exported.add(at);
          const fields = { tagIds: m.tags.map((t) => tagIds[t]!), note: m.note };
          if (m.coder === '我') {
            await source.annotations.create({ articleId: ids[at]!, ...selectors, ...fields });
          } else {
            const coder: Coder = { id: coderIdOf(m.coder), name: m.coder };
            const a: Annotation = {
              id: `h-${n++}`,
              articleId: ids[at]!,
              ...selectors,
              ...fields,
              color: null,
              creator: m.coder,
              creatorId: coder.id,
              created: '2024-05-01T08:00:00.000Z',
              modified: '2024-05-02T08:00:00.000Z',
            };
            await source.annotations.restoreManyAs(coder, ids[at]!, [a]);
          }
        }
        if (lib.memo.trim()) {
          await source.annotations.setMemo(ids[0]!, lib.memo);
          exported.add(0);
        }

        const bytes = await qdpxOf(source);
        // Back into the library it came from: every highlight is there already.
        const counts = await source.annotations.counts();
        const others = await source.annotations.otherMemos(ids[0]!);
        const home = await importProject(source, { bytes, fileName: '随机库.qdpx' }, { dryRun: false });
        expect(home.highlightsWritten).toBe(0);
        expect(home.newArticles).toEqual([]);
        expect(await source.annotations.counts()).toEqual(counts);
        expect(await source.annotations.otherMemos(ids[0]!)).toEqual(others);

        const target = await openSession(await newLibrary({}), '导入者');
        const report = await importProject(target, { bytes, fileName: '随机库.qdpx' }, { dryRun: false });
        expect(report.unplaced).toEqual([]);
        expect(report.approximate).toBe(0);
        expect(report.newArticles).toHaveLength(exported.size);

        // The codebook, by path, with colours and descriptions.
        const book = async (s: TestSession) =>
          Promise.all(
            (await s.annotations.listTags()).map(async (t) => [
              await s.annotations.tagPath(t.id),
              t.color,
              t.description,
            ]),
          );
        expect(await book(target)).toEqual(await book(source));

        await target.close();
        const reopened = await openSession(target.root, '导入者');
        for (const [i, id] of ids.entries()) {
          if (!exported.has(i)) continue;
          const newId = reopened.library.idForPath(
            report.newArticles.find((p) => p.endsWith(`文章${i} 😀.txt`))!,
          );
          const [was, now] = [await source.library.get(id), await reopened.library.get(newId)];
          expect(now.doc.text).toBe(was.doc.text);
          const before = await summary(source, id);
          expect(await summary(reopened, newId)).toEqual(before);
          compared += before.length;
          for (const key of ['title', 'date', 'author', 'categories', 'url'] as const)
            expect(now.meta[key]).toEqual(was.meta[key]);
          const memo = i === 0 && lib.memo.trim() ? [lib.memo] : [];
          expect((await reopened.annotations.otherMemos(newId)).map((m) => m.memo)).toEqual(memo);
        }
      }),
      { numRuns: 8 },
    );
    expect(compared).toBeGreaterThan(0);
  }, 120_000);
});
