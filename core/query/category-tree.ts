/**
 * The category filter's tree. A Hexo-style front matter lists an article's categories from the
 * broadest to the narrowest (`[金融, 新浪财经, 新浪财经－国內]`), so each article's list is one path
 * in a tree, and two sections with the same name under different parents (`分类` under 掘金 and
 * under Hacker News) are different nodes. Pure, no Node imports: the renderer builds it from the
 * whole list.
 */
import type { ArticleSummary } from '../model.js';

export interface CategoryRow {
  /** From the top category down to this one. */
  path: string[];
  /** 0 for a top-level category. */
  depth: number;
  /** Articles in this category or any category under it. */
  count: number;
  /** Articles whose path ends here (not in a sub-category). */
  own: number;
  hasChildren: boolean;
}

interface Node {
  children: Map<string, Node>;
  count: number;
  own: number;
}

const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true, sensitivity: 'base' });

const newNode = (): Node => ({ children: new Map(), count: 0, own: 0 });

/**
 * Every category path in the library, depth first: each parent right before its children,
 * siblings in the folder list's order (Chinese by pinyin, then Latin). Articles without categories are in none.
 */
export function categoryTree(articles: readonly Pick<ArticleSummary, 'categories'>[]): CategoryRow[] {
  const root = newNode();
  for (const { categories } of articles) {
    if (categories.length === 0) continue;
    let node = root;
    for (const name of categories) {
      let child = node.children.get(name);
      if (!child) node.children.set(name, (child = newNode()));
      child.count++;
      node = child;
    }
    node.own++;
  }
  const rows: CategoryRow[] = [];
  const visit = (node: Node, path: string[]): void => {
    const names = [...node.children.keys()].sort(collator.compare);
    for (const name of names) {
      const child = node.children.get(name)!;
      const childPath = [...path, name];
      rows.push({
        path: childPath,
        depth: path.length,
        count: child.count,
        own: child.own,
        hasChildren: child.children.size > 0,
      });
      visit(child, childPath);
    }
  };
  visit(root, []);
  return rows;
}

/** Whether an article's categories are `path` or lie under it (a parent includes its descendants). */
export function inCategoryPath(categories: readonly string[], path: readonly string[]): boolean {
  if (path.length > categories.length) return false;
  return path.every((name, i) => categories[i] === name);
}

/** How the UI shows a path: `金融 › 新浪财经 › 新浪财经－国內`. */
export function categoryLabel(path: readonly string[]): string {
  return path.join(' › ');
}
