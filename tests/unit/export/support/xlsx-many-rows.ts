// Run by xlsx-memory.test.ts in a child process with a small heap: exports ROWS highlights with
// long quotes (QUOTE characters) and 1,500-character notes to an Excel workbook through xlsxExport, from a session built in memory (no files),
// draining the bytes as a writer to disk would. Prints `ROWS <n> BYTES <n> PEAK_MB <n>`.
import { describeRange } from '../../../../core/anchor/describe-range.js';
import type { ExportPlan, ExportSession } from '../../../../core/export/export-scope.js';
import { TagIndex } from '../../../../core/export/tag-index.js';
import { xlsxExport } from '../../../../core/export/xlsx-export.js';
import type { Annotation, ArticleSummary, Tag } from '../../../../core/model.js';

const ROWS = Number(process.argv[2] ?? 20_000);
const PER_ARTICLE = 20;
const QUOTE = Number(process.argv[3] ?? 1_000);
const articles = Math.ceil(ROWS / PER_ARTICLE);
const NOTE = '笔记内容'.repeat(375);

/** Each article: PER_ARTICLE distinct passages of QUOTE characters, Chinese with an astral one. */
function textOf(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < PER_ARTICLE; i++) {
    parts.push(`第${n}篇第${i}段：` + '经济增长𠀀政策'.repeat(QUOTE / 8) + '。\n');
  }
  return parts.join('');
}

const tags: Tag[] = [
  { id: 't1', name: '经济', parentId: null, color: '#0072B2', description: '' },
  { id: 't2', name: '=公式', parentId: 't1', color: '#D55E00', description: '' },
];

function annotationsOf(n: number, text: string): Annotation[] {
  const out: Annotation[] = [];
  let from = 0;
  for (let i = 0; i < PER_ARTICLE; i++) {
    const start = text.indexOf('第', from);
    const end = text.indexOf('\n', start);
    from = end;
    const { quote, position } = describeRange(text, { start, end });
    out.push({
      id: `a${n}-${i}`,
      articleId: `art${n}`,
      quote,
      position,
      tagIds: i % 2 ? ['t1', 't2'] : ['t1'],
      // A long note of its own per row: the sheet XML outgrows the heap the test allows.
      note: `=1+1 第${n}篇第${i}条笔记：` + NOTE,
      color: null,
      creator: '王',
      created: '2024-03-05T08:00:00.000Z',
      modified: '2024-03-05T08:00:00.000Z',
    });
  }
  return out;
}

const summary = (n: number) =>
  ({
    id: `art${n}`,
    path: `新闻/${n}.md`,
    title: `文章${n}`,
    date: '2024-03-05',
    categories: [],
  }) as unknown as ArticleSummary;

const session = {
  library: {
    async getText(id: string) {
      const n = Number(id.slice(3));
      return {
        summary: summary(n),
        text: textOf(n),
        meta: {
          title: `文章${n}`,
          date: '2024-03-05',
          author: '新华社',
          categories: ['经济'],
          url: null,
          extra: { lang: 'zh' },
        },
      };
    },
  },
  annotations: {
    async *listEach(ids: string[]) {
      for (const id of ids) {
        const n = Number(id.slice(3));
        yield { articleId: id, annotations: annotationsOf(n, textOf(n)), lastKnown: null };
      }
    },
  },
} as unknown as ExportSession;

const plan: ExportPlan = {
  articles: Array.from({ length: articles }, (_, n) => ({
    id: `art${n}`,
    summary: summary(n),
    count: PER_ARTICLE,
  })),
  tags: new TagIndex(tags),
  includes: () => true,
  byTag: false,
};

let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
const run = await xlsxExport(session, plan);
let bytes = 0;
for await (const chunk of run.chunks) bytes += chunk.length;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().heapUsed);
process.stdout.write(`ROWS ${run.rows} BYTES ${bytes} PEAK_MB ${(peak / 1048576).toFixed(1)}\n`);
