/**
 * Which rows of the category tree the filter's popup shows: the open branches, or, while the user
 * types, every category whose name matches with the categories above it (so each match is seen in
 * its place). Pure, so that it can be tested without a browser.
 */
import type { CategoryRow } from '../../../../core/query/category-tree.js';

/** A path as one string (a category name may hold any character, so not a join). */
export const pathKey = (path: readonly string[]): string => JSON.stringify(path);

/** Case- and width-insensitive (full-width Ａ and － match A and -), as the search is. */
const fold = (s: string): string => s.normalize('NFKC').toLocaleLowerCase();

/** Whether the category's own name (not a parent's) contains the text typed in the find box. */
export function nameMatches(row: CategoryRow, text: string): boolean {
  const needle = fold(text.trim());
  return needle !== '' && fold(row.path.at(-1)!).includes(needle);
}

export function shownRows(
  rows: readonly CategoryRow[],
  expanded: ReadonlySet<string>,
  text: string,
): CategoryRow[] {
  const needle = fold(text.trim());
  if (needle) {
    const keep = new Set<string>();
    for (const row of rows)
      if (nameMatches(row, text))
        for (let i = 1; i <= row.path.length; i++) keep.add(pathKey(row.path.slice(0, i)));
    return rows.filter((row) => keep.has(pathKey(row.path)));
  }
  return rows.filter((row) =>
    row.path.slice(0, -1).every((_, i) => expanded.has(pathKey(row.path.slice(0, i + 1)))),
  );
}

/** Open at first: the top level (so the sources show), and the branch of the chosen category. */
export function initiallyExpanded(
  rows: readonly CategoryRow[],
  chosen: readonly string[] | undefined,
): Set<string> {
  const open = new Set(rows.filter((r) => r.depth === 0 && r.hasChildren).map((r) => pathKey(r.path)));
  for (let i = 1; i < (chosen?.length ?? 0); i++) open.add(pathKey(chosen!.slice(0, i)));
  return open;
}
