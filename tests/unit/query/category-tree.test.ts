import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryLabel, categoryTree, inCategoryPath } from '../../../core/query/category-tree.js';
import { filterArticles } from '../../../core/query/article-query.js';
import type { ArticleSummary } from '../../../core/model.js';

const article = (id: string, categories: string[], folder = ''): ArticleSummary => ({
  id,
  path: `${folder ? `${folder}/` : ''}${id}.md`,
  folder,
  title: id,
  date: null,
  author: null,
  categories,
  size: 0,
  mtimeMs: 0,
  format: 'markdown',
  encoding: 'utf-8',
  warnings: [],
  fingerprint: id,
  annotationCount: 0,
});

const key = (path: readonly string[]) => JSON.stringify(path);

describe('categoryTree', () => {
  const library = [
    article('a', ['金融', '新浪财经', '新浪财经－国內']),
    article('b', ['金融', '新浪财经', '新浪财经－国內']),
    article('c', ['金融', '财联社', '电报']),
    article('d', ['编程', '掘金', '分类']),
    article('e', ['编程', 'Hacker News', '分类']),
    article('f', ['金融']),
    article('g', []),
  ];

  it('nests each article’s categories as one path, parents before children', () => {
    const rows = categoryTree(library);
    expect(rows.map((r) => categoryLabel(r.path))).toEqual([
      '编程',
      '编程 › 掘金',
      '编程 › 掘金 › 分类',
      '编程 › Hacker News',
      '编程 › Hacker News › 分类',
      '金融',
      '金融 › 财联社',
      '金融 › 财联社 › 电报',
      '金融 › 新浪财经',
      '金融 › 新浪财经 › 新浪财经－国內',
    ]);
    expect(rows.find((r) => key(r.path) === key(['金融']))).toMatchObject({ count: 4, own: 1, depth: 0 });
    expect(rows.find((r) => key(r.path) === key(['金融', '新浪财经']))).toMatchObject({
      count: 2,
      own: 0,
      depth: 1,
      hasChildren: true,
    });
  });

  it('keeps two sections of one name under different parents apart', () => {
    const rows = categoryTree(library).filter((r) => r.path.at(-1) === '分类');
    expect(rows.map((r) => categoryLabel(r.path))).toEqual([
      '编程 › 掘金 › 分类',
      '编程 › Hacker News › 分类',
    ]);
    expect(rows.map((r) => r.count)).toEqual([1, 1]);
  });

  it('filters by a parent path to the parent’s and every descendant’s articles, not same-named others', () => {
    const ids = (path: string[]) => filterArticles(library, { categoryPath: path }).map((a) => a.id);
    expect(ids(['金融'])).toEqual(['a', 'b', 'c', 'f']);
    expect(ids(['金融', '新浪财经'])).toEqual(['a', 'b']);
    expect(ids(['编程', '掘金', '分类'])).toEqual(['d']);
    expect(ids([])).toEqual(library.map((a) => a.id));
    expect(ids(['新浪财经'])).toEqual([]);
  });

  // Short names from a small alphabet, so that paths share prefixes and names repeat across levels.
  const name = fc.constantFrom('金融', '新浪财经', '分类', 'A', 'b', '首页');
  const libraries = fc.array(fc.array(name, { maxLength: 4 }), { maxLength: 40 });

  it('lists every category path once, parents right before their subtrees, with counts that add up', () => {
    fc.assert(
      fc.property(libraries, (lists) => {
        const articles = lists.map((c) => ({ categories: c }));
        const rows = categoryTree(articles);
        const keys = rows.map((r) => key(r.path));
        // Every prefix of every article's path appears, and only those, each once.
        const expected = new Set(lists.flatMap((c) => c.map((_, i) => key(c.slice(0, i + 1)))));
        expect(new Set(keys)).toEqual(expected);
        expect(keys.length).toBe(expected.size);
        const index = new Map(keys.map((k, i) => [k, i]));
        for (const [i, row] of rows.entries()) {
          expect(row.depth).toBe(row.path.length - 1);
          if (row.depth > 0) {
            const parent = index.get(key(row.path.slice(0, -1)))!;
            expect(parent).toBeLessThan(i);
            // Depth first: everything between the parent and this row is in the parent's subtree.
            for (const between of rows.slice(parent + 1, i))
              expect(inCategoryPath(between.path, rows[parent]!.path)).toBe(true);
          }
          // A row's count is its own articles plus its children's counts, and what the filter lists.
          const children = rows.filter((r) => r.depth === row.depth + 1 && inCategoryPath(r.path, row.path));
          expect(row.own + children.reduce((n, c) => n + c.count, 0)).toBe(row.count);
          expect(row.hasChildren).toBe(children.length > 0);
          expect(articles.filter((a) => inCategoryPath(a.categories, row.path)).length).toBe(row.count);
        }
        // The top level adds up to every article with a category.
        const top = rows.filter((r) => r.depth === 0).reduce((n, r) => n + r.count, 0);
        expect(top).toBe(lists.filter((c) => c.length > 0).length);
      }),
    );
  });
});

describe('folder filter with or without sub-folders', () => {
  const library = [
    article('top', [], ''),
    article('news', [], 'news'),
    article('sina', [], 'news/sina'),
    article('deep', [], 'news/sina/2022'),
    article('newsroom', [], 'newsroom'),
  ];
  const ids = (folder: string, subfolders?: boolean) =>
    filterArticles(library, { folder, ...(subfolders === undefined ? {} : { subfolders }) }).map((a) => a.id);

  it('includes sub-folders by default, as before', () => {
    expect(ids('news')).toEqual(['news', 'sina', 'deep']);
    expect(ids('news', true)).toEqual(['news', 'sina', 'deep']);
  });

  it('lists only the folder’s own articles when sub-folders are excluded', () => {
    expect(ids('news', false)).toEqual(['news']);
    expect(ids('news/sina', false)).toEqual(['sina']);
  });

  it('never takes a folder whose name merely starts the same', () => {
    expect(ids('news')).not.toContain('newsroom');
    expect(ids('news', false)).not.toContain('newsroom');
  });

  it('lists the whole library when no folder is chosen, whatever the toggle says', () => {
    expect(ids('', false)).toEqual(library.map((a) => a.id));
  });

  it('excluding sub-folders lists exactly the articles directly in the folder', () => {
    const folders = fc.constantFrom('', 'a', 'a/b', 'a/b/c', 'ab', 'b');
    fc.assert(
      fc.property(fc.array(folders, { maxLength: 20 }), folders, (list, folder) => {
        const articles = list.map((f, i) => article(`x${i}`, [], f));
        const only = filterArticles(articles, { folder, subfolders: false });
        const all = filterArticles(articles, { folder });
        const inside = (a: ArticleSummary) => folder === '' || a.folder.startsWith(`${folder}/`);
        expect(only).toEqual(folder === '' ? articles : articles.filter((a) => a.folder === folder));
        expect(all).toEqual(articles.filter((a) => a.folder === folder || inside(a)));
      }),
    );
  });
});
