// What the export dialog says about the filter on screen, which scope its radio buttons stand
// for, and how an import's report counts are ordered and flagged.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../core/api/export-contract.js';
import type { Tag } from '../../../core/model.js';
import type { CurrentFilter } from '../../../renderer/src/export/export-settings.js';
import { describeFilter } from '../../../renderer/src/export/filter-summary.js';
import {
  broughtAnything,
  countClass,
  reportCounts,
  shortStamp,
} from '../../../renderer/src/export/import-report-counts.js';
import { effectiveScopeKind, initialScopeKind, scopeOf } from '../../../renderer/src/export/scope-choice.js';
import { uiI18n } from './ui-i18n.js';

let i18n: Awaited<ReturnType<typeof uiI18n>>;
beforeAll(async () => {
  i18n = await uiI18n();
});

const policy: Tag = { id: 't1', name: 'Policy', parentId: null, color: '#0072B2', description: '' };
const tagsById = new Map([[policy.id, policy]]);

describe('the filter summary', () => {
  it('names every part of a library filter, then the number of articles listed', () => {
    const filter: CurrentFilter = {
      source: 'library',
      tagId: 't1',
      folder: '2024',
      categoryPath: ['econ', 'asia'],
      from: '2024-01-01',
      hasAnnotations: false,
      visibleIds: ['a', 'b'],
    };
    expect(describeFilter(filter, tagsById, i18n.getFixedT('en'))).toBe(
      'tag “Policy” and its sub-tags · folder 2024 · category econ › asia · 2024-01-01 – … · articles without highlights · 2 articles',
    );
    expect(describeFilter(filter, tagsById, i18n.getFixedT('zh-CN'))).toBe(
      '标签“Policy”及其子标签 · 文件夹 2024 · 分类 econ › asia · 2024-01-01 至 … · 没有高亮的文章 · 2 篇文章',
    );
  });

  it('says only the tag for the highlights view, and "?" for a tag that is gone', () => {
    const t = i18n.getFixedT('en');
    expect(describeFilter({ source: 'highlights', tagId: 't1', text: 'x' }, tagsById, t)).toBe(
      'tag “Policy” and its sub-tags',
    );
    expect(describeFilter({ source: 'highlights', tagId: 'gone' }, tagsById, t)).toBe(
      'tag “?” and its sub-tags',
    );
  });
});

describe('the export scope', () => {
  const article = { id: 'p-1' };
  const highlights: CurrentFilter = { source: 'highlights', tagId: 't1' };

  it('starts at the filter only when opened from a filtered highlights view', () => {
    expect(initialScopeKind(highlights)).toBe('filter');
    expect(initialScopeKind({ source: 'highlights' })).toBe('library');
    expect(initialScopeKind({ source: 'library', folder: 'x', visibleIds: [] })).toBe('library');
    expect(initialScopeKind(null)).toBe('library');
  });

  it('falls back to the library when the article was closed or the filter cleared', () => {
    expect(effectiveScopeKind('article', null, highlights)).toBe('library');
    expect(effectiveScopeKind('article', article, null)).toBe('article');
    expect(effectiveScopeKind('filter', article, { source: 'highlights' })).toBe('library');
    expect(effectiveScopeKind('filter', null, highlights)).toBe('filter');
  });

  it('sends the article, the filter, or the library', () => {
    expect(scopeOf('article', article, null)).toEqual({ kind: 'article', articleId: 'p-1' });
    expect(scopeOf('filter', null, highlights)).toEqual({ kind: 'filter', tagIds: ['t1'] });
    expect(scopeOf('library', article, highlights)).toEqual({ kind: 'library' });
  });

  it('keeps to the set chosen in the library list, alone or under other filters', () => {
    const set = { name: 'Sample A', articleIds: ['p-1', 'p-3'] };
    // Only a set: the filter is on, and names the articles the list shows (the set's).
    const listed: CurrentFilter = { source: 'library', set, visibleIds: ['p-3', 'p-1'] };
    expect(effectiveScopeKind('filter', null, listed)).toBe('filter');
    expect(scopeOf('filter', null, listed)).toEqual({ kind: 'filter', articleIds: ['p-3', 'p-1'] });
    // The highlights view: its tag, on the set's articles, even with no tag chosen.
    expect(initialScopeKind({ source: 'highlights', set })).toBe('filter');
    expect(scopeOf('filter', null, { source: 'highlights', tagId: 't1', set })).toEqual({
      kind: 'filter',
      tagIds: ['t1'],
      articleIds: ['p-1', 'p-3'],
    });
    expect(describeFilter({ source: 'highlights', set }, tagsById, i18n.getFixedT('zh-CN'))).toBe(
      '集合“Sample A”',
    );
  });
});

describe('the import report counts', () => {
  const summary: ImportSummary = {
    added: 0,
    updated: 0,
    unchanged: 4,
    skipped: 1,
    conflicts: [],
    notPlaced: [{ articleId: 'a', id: 'h', quote: 'q', reason: 'text-not-found' }],
    placedFuzzy: 2,
    tagsCreated: [],
    memosAdded: 0,
    memoConflicts: [],
    warnings: [],
  };

  it('come in the report’s order; non-zero conflicts and misplacements ask for a look', () => {
    const counts = reportCounts(summary);
    expect(counts.map(([key]) => key)).toEqual([
      'added',
      'updated',
      'unchanged',
      'skipped',
      'conflicts',
      'notPlaced',
      'placedFuzzy',
      'tagsCreated',
      'memosAdded',
    ]);
    expect(counts.map(([key, value]) => countClass(key, value))).toEqual([
      'zero',
      'zero',
      undefined,
      undefined,
      'zero',
      'attention',
      'attention',
      'zero',
      'zero',
    ]);
  });

  it('count an import that only brought tags or memos as bringing something', () => {
    expect(broughtAnything(summary)).toBe(false);
    expect(broughtAnything({ ...summary, tagsCreated: ['A/B'] })).toBe(true);
    expect(broughtAnything({ ...summary, memosAdded: 1 })).toBe(true);
    expect(broughtAnything({ ...summary, updated: 1 })).toBe(true);
  });

  it('show times to the minute', () => {
    expect(shortStamp('2024-03-05T14:30:12.345Z')).toBe('2024-03-05 14:30');
  });
});
