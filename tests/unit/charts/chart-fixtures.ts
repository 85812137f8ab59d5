/** Reports as the API returns them, with Chinese and long code paths, for the chart tests. */
import type { Report, ReportOf, ReportTag } from '../../../core/analysis/report-types.js';

export const LONG_CODE = '非常长的代码名称/子代码/再往下一层的很长很长的名字';
export const TAGS: ReportTag[] = [
  { id: 't1', path: '经济/增长', color: '#E69F00' },
  { id: 't2', path: 'Politics', color: '#56B4E9' },
  { id: 't3', path: LONG_CODE, color: '#009E73' },
  // A colour someone typed into the codebook file: never reaches the SVG.
  { id: 't4', path: '环境', color: 'url(https://example.org/x)' },
];
const base = {
  tags: TAGS,
  coders: [
    { id: 'alice', name: 'Alice' },
    { id: 'bob', name: '鲍勃' },
  ],
  articleCount: 12,
  notes: [],
};

const freq = (tag: ReportTag, coderId: string | null, highlights: number) => ({
  tagId: tag.id,
  tagPath: tag.path,
  coderId,
  coderName: coderId === null ? null : coderId === 'alice' ? 'Alice' : '鲍勃',
  highlights,
  articles: Math.ceil(highlights / 2),
  characters: highlights * 17,
});

export const frequencies: ReportOf<'frequencies'> = {
  ...base,
  kind: 'frequencies',
  rows: TAGS.flatMap((tag, i) => [
    freq(tag, null, 3 * i + 5),
    freq(tag, 'alice', i + 2),
    freq(tag, 'bob', 2 * i + 3),
  ]),
};

export const matrix: ReportOf<'matrix'> = {
  ...base,
  kind: 'matrix',
  rows: Array.from({ length: 12 }, (_, i) =>
    TAGS.filter((_, j) => (i + j) % 3 !== 0).map((tag, j) => ({
      articleId: `a${i}`,
      articlePath: `金融/a${i}.md`,
      title: i % 2 ? `江澜省印发充电基础设施三年行动方案第${i}号文件的通知` : `Article ${i}`,
      date: `2024-0${(i % 9) + 1}-01`,
      source: '新浪财经',
      tagId: tag.id,
      tagPath: tag.path,
      highlights: ((i * 7 + j) % 8) + 1,
    })),
  ).flat(),
};

export const cooccurrence: ReportOf<'cooccurrence'> = {
  ...base,
  kind: 'cooccurrence',
  rows: TAGS.flatMap((a, i) =>
    TAGS.slice(i).map((b, j) => ({
      tagA: a.id,
      tagAPath: a.path,
      tagB: b.id,
      tagBPath: b.path,
      articles: (i + j) % 5,
      overlaps: j % 3,
    })),
  ),
};

export const timeline: ReportOf<'timeline'> = {
  ...base,
  kind: 'timeline',
  by: 'month',
  rows: [
    ...Array.from({ length: 24 }, (_, m) =>
      TAGS.map((tag, j) => ({
        period: `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
        tagId: tag.id,
        tagPath: tag.path,
        highlights: ((m + 1) * (j + 2)) % 7,
        articles: 1,
      })),
    ).flat(),
    { period: null, tagId: 't2', tagPath: 'Politics', highlights: 3, articles: 2 },
  ],
};

export const REPORTS: Report[] = [frequencies, matrix, cooccurrence, timeline];
