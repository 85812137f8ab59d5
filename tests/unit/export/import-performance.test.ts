// Importing a large export: each article's highlights are one batch write (restoreMany), so 10,000
// highlights over 1,000 articles take seconds; importing the same file again writes nothing.
// The default run uses 200 articles; GLOSS_IMPORT_ARTICLES=1000 for the full-size figure.
import { cp, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../core/anchor/describe-range.js';
import { collectText } from '../../../core/export/export-run.js';
import { importAnnotations } from '../../../core/export/import-annotations.js';
import { startExport } from '../../../core/export/run-export.js';
import type { Annotation, Tag } from '../../../core/model.js';
import { articleFileName } from '../../../core/store/store-layout.js';
import { sessionFor, tempDir } from './test-library.js';

const ARTICLES = Number(process.env.GLOSS_IMPORT_ARTICLES ?? 200);
const PER_ARTICLE = 10;

const SENTENCES = [
  '国家统计局今天发布数据显示，前三季度国内生产总值同比增长5.2%。',
  '其中，高技术制造业增加值增长较快，对工业增长的贡献率明显提高！',
  '专家认为，消费对经济增长的拉动作用进一步增强；投资结构持续优化。',
  'Analysts said the figures were broadly in line with expectations. 🚀',
  '下一阶段，要着力扩大内需，稳定就业，防范化解重点领域风险。',
];

function body(i: number): string {
  return Array.from({ length: 3 }, (_, p) =>
    Array.from({ length: 3 }, (_, s) => SENTENCES[(i + p * 3 + s) % SENTENCES.length]).join(''),
  ).join('\n\n');
}

/** A library of markdown articles with highlights written directly in the store's format. */
async function buildLibrary(root: string): Promise<void> {
  const data = path.join(root, '.gloss', 'annotations');
  await mkdir(data, { recursive: true });
  const tags: Tag[] = ['经济', '就业', '投资'].map((name, i) => ({
    id: `tag-${i}`,
    name,
    parentId: i === 0 ? null : 'tag-0',
    color: '#E69F00',
    description: '',
  }));
  await writeFile(
    path.join(root, '.gloss', 'codebook.json'),
    JSON.stringify({ schemaVersion: 1, tags, retired: {} }),
  );
  for (let i = 0; i < ARTICLES; i++) {
    const id = `article-${i}`;
    const text = body(i);
    const folder = path.join(root, `folder-${i % 20}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, `${id}.md`), `---\nid: ${id}\ntitle: 测试文章 ${i}\n---\n\n${text}\n`);
    const annotations: Annotation[] = Array.from({ length: PER_ARTICLE }, (_, h) => {
      const start = (h * 13) % (text.length - 20);
      return {
        id: `${id}-h${h}`,
        articleId: id,
        ...describeRange(text, { start, end: start + 8 }),
        tagIds: [`tag-${h % 3}`],
        note: h % 4 ? '' : `笔记 ${h}`,
        color: null,
        creator: 'coder-a',
        created: '2024-01-01T00:00:00.000Z',
        modified: '2024-01-01T00:00:00.000Z',
      };
    });
    await writeFile(
      path.join(data, articleFileName(id)),
      JSON.stringify({
        schemaVersion: 1,
        articleId: id,
        path: null,
        fingerprint: null,
        memo: i % 10 ? '' : '备忘',
        annotations,
      }),
    );
  }
}

describe('import performance', () => {
  it(`imports ${(ARTICLES * PER_ARTICLE).toLocaleString('en')} highlights over ${ARTICLES.toLocaleString('en')} articles with one write per article`, async () => {
    const source = path.join(await tempDir(), 'source');
    await buildLibrary(source);
    const from = await sessionFor(source);
    const json = await collectText(
      (await startExport(from, { format: 'json' }, { libraryName: 'source' })).chunks,
    );

    // A second copy of the corpus, not yet annotated.
    const target = path.join(await tempDir(), 'target');
    await cp(source, target, { recursive: true, filter: (p) => !p.includes(`${path.sep}.gloss`) });
    const into = await sessionFor(target);
    // Open every article once first, so the figure is the import's own cost rather than cleaning.
    for (const a of into.library.list().articles) await into.library.get(a.id);

    let t = performance.now();
    const summary = await importAnnotations(into, json);
    const importMs = performance.now() - t;
    expect(summary).toMatchObject({
      added: ARTICLES * PER_ARTICLE,
      updated: 0,
      notPlaced: [],
      conflicts: [],
    });
    expect(summary.memosAdded).toBe(ARTICLES / 10);

    // A colleague's highlights go to their import writer folder on this machine, not mine.
    const dir = path.join(target, '.gloss', 'coders', 'coder-a.import-local', 'annotations');
    const mtimes = async () =>
      Object.fromEntries(
        await Promise.all(
          (await readdir(dir)).map(async (n) => [n, (await stat(path.join(dir, n))).mtimeMs] as const),
        ),
      );
    const before = await mtimes();
    t = performance.now();
    const again = await importAnnotations(into, json);
    const againMs = performance.now() - t;
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: ARTICLES * PER_ARTICLE });
    expect(await mtimes()).toEqual(before);
    expect(Object.keys(before)).toHaveLength(ARTICLES);
    expect(Object.values(await into.annotations.counts()).reduce((a, b) => a + b, 0)).toBe(
      ARTICLES * PER_ARTICLE,
    );

    // The old way, for comparison: one durable write per highlight (measured on 100, scaled).
    const sample = (await into.annotations.list('article-0')).map((a) => ({
      ...a,
      id: `${a.id}-copy`,
      articleId: 'baseline',
    }));
    t = performance.now();
    for (let i = 0; i < 100; i++)
      await into.annotations.restore({ ...sample[i % sample.length]!, id: `b-${i}` });
    const perHighlightMs = (performance.now() - t) / 100;

    console.log(
      `baseline: one write per highlight ≈ ${((perHighlightMs * ARTICLES * PER_ARTICLE) / 1000).toFixed(0)} s for this import; ` +
        `import: ${(ARTICLES * PER_ARTICLE).toLocaleString('en')} highlights over ${ARTICLES.toLocaleString('en')} articles ` +
        `in ${(importMs / 1000).toFixed(1)} s (${(importMs / ARTICLES).toFixed(1)} ms per article); ` +
        `again (nothing to write) ${(againMs / 1000).toFixed(1)} s`,
    );
    // Seconds, not minutes: ~10-25 ms per article here (reading and cleaning it included), with
    // room for a machine busy with other jobs.
    expect(importMs).toBeLessThan(ARTICLES * 150);
  }, 600_000);
});
