// The library list's category tree popup and folder toggle, as the rest of the window takes them:
// which rows the tree shows while browsing or finding, what the search and the export receive,
// and how the export dialog names the filter.
import { beforeAll, describe, expect, it } from 'vitest';
import { categoryTree } from '../../../core/query/category-tree.js';
import {
  initiallyExpanded,
  pathKey,
  shownRows,
} from '../../../renderer/src/components/library/category-rows.js';
import { scopeOfFilter, type LibraryFilter } from '../../../renderer/src/export/export-settings.js';
import { describeFilter } from '../../../renderer/src/export/filter-summary.js';
import { searchFilterOf } from '../../../renderer/src/search/use-library-search.js';
import { uiI18n } from './ui-i18n.js';

const rows = categoryTree(
  [
    ['金融', '新浪财经', '新浪财经－国內'],
    ['金融', '新浪财经', '新浪财经－滚动'],
    ['金融', '财联社', '电报'],
    ['编程', 'Hacker News', '分类'],
  ].map((categories) => ({ categories })),
);
const names = (shown: { path: string[] }[]) => shown.map((r) => r.path.join(' › '));

describe('the category tree popup', () => {
  it('opens on the top level and the chosen category’s branch', () => {
    const open = initiallyExpanded(rows, ['金融', '新浪财经', '新浪财经－滚动']);
    expect(names(shownRows(rows, open, ''))).toEqual([
      '编程',
      '编程 › Hacker News',
      '金融',
      '金融 › 财联社',
      '金融 › 新浪财经',
      // 滚 (gǔn) before 国 (guó): siblings sort by pinyin.
      '金融 › 新浪财经 › 新浪财经－滚动',
      '金融 › 新浪财经 › 新浪财经－国內',
    ]);
  });

  it('hides a closed branch’s descendants, however deep', () => {
    const open = new Set([pathKey(['金融', '新浪财经'])]);
    expect(names(shownRows(rows, open, ''))).toEqual(['编程', '金融']);
  });

  it('finds by name, width- and case-insensitively, showing each match under its branch', () => {
    expect(names(shownRows(rows, new Set(), '-国內'))).toEqual([
      '金融',
      '金融 › 新浪财经',
      '金融 › 新浪财经 › 新浪财经－国內',
    ]);
    expect(names(shownRows(rows, new Set(), 'hacker'))).toEqual(['编程', '编程 › Hacker News']);
    expect(shownRows(rows, new Set(), 'nothing like it')).toEqual([]);
  });
});

describe('the library filter beyond the list', () => {
  const filter: LibraryFilter = {
    source: 'library',
    folder: 'news',
    subfolders: false,
    categoryPath: ['金融', '新浪财经'],
    visibleIds: ['a', 'b'],
  };

  it('reaches the search with the same meaning', () => {
    expect(searchFilterOf(filter)).toEqual({
      folder: 'news',
      subfolders: false,
      categoryPath: ['金融', '新浪财经'],
    });
    // Sub-folders are the default: nothing to send, and nothing without a folder.
    expect(searchFilterOf({ ...filter, subfolders: undefined, categoryPath: undefined })).toEqual({
      folder: 'news',
    });
    expect(searchFilterOf({ source: 'library', subfolders: false, visibleIds: [] })).toBeUndefined();
  });

  it('exports exactly the listed articles when a category or a folder without sub-folders is set', () => {
    expect(scopeOfFilter({ ...filter, categoryPath: undefined })).toMatchObject({ articleIds: ['a', 'b'] });
    expect(scopeOfFilter({ ...filter, subfolders: undefined })).toMatchObject({ articleIds: ['a', 'b'] });
    // A folder with its sub-folders is the export scope's own folder filter.
    expect(scopeOfFilter({ ...filter, subfolders: undefined, categoryPath: undefined })).toEqual({
      kind: 'filter',
      folder: 'news',
    });
  });

  let i18n: Awaited<ReturnType<typeof uiI18n>>;
  beforeAll(async () => {
    i18n = await uiI18n();
  });

  it('is named in the export dialog, category as a path and the folder without its sub-folders', () => {
    expect(describeFilter(filter, new Map(), i18n.getFixedT('en'))).toBe(
      'folder news without its subfolders · category 金融 › 新浪财经 · 2 articles',
    );
    expect(describeFilter(filter, new Map(), i18n.getFixedT('zh-CN'))).toBe(
      '文件夹 news（不含子文件夹） · 分类 金融 › 新浪财经 · 2 篇文章',
    );
  });
});
