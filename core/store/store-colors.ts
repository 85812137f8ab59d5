/**
 * Colours read from store files are checked before anything else sees them: a hand-edited file may
 * hold `url(https://…)` or worse where a colour belongs, and colours end up in the page's styles.
 * A tag colour that is not `#rrggbb` becomes a palette colour; a highlight's own colour becomes
 * null (it then shows its tag's colour). Each repair is reported as a store problem; the file is
 * left as it is until the next change to it is saved.
 */
import { COLOR_PATTERN, nextPaletteColor } from './palette.js';
import type { ArticleFile, CodebookFile } from './store-schema.js';

const isColor = (c: unknown): c is string => typeof c === 'string' && COLOR_PATTERN.test(c);

function message(count: number, what: string, file: string, instead: string): string {
  return `${count} ${what}${count === 1 ? '' : 's'} in ${file} ${count === 1 ? 'is' : 'are'} not a colour like #E69F00; ${instead}.`;
}

/** Replaces bad tag colours in place; says what was done, or null when all were fine. */
export function repairTagColors(book: CodebookFile, fileName: string): string | null {
  const good = book.tags.map((t) => t.color).filter(isColor);
  let bad = 0;
  for (const tag of book.tags) {
    if (isColor(tag.color)) continue;
    tag.color = nextPaletteColor(good);
    good.push(tag.color);
    bad++;
  }
  return bad
    ? message(bad, 'tag colour', fileName, 'palette colours are used instead (pick new ones in the codebook)')
    : null;
}

/** Drops bad highlight colours in place; says what was done, or null when all were fine. */
export function repairHighlightColors(doc: ArticleFile, fileName: string): string | null {
  let bad = 0;
  for (const a of doc.annotations) {
    if (a.color === null || isColor(a.color)) continue;
    a.color = null;
    bad++;
  }
  return bad
    ? message(bad, 'highlight colour', fileName, 'those highlights show their tag’s colour instead')
    : null;
}
