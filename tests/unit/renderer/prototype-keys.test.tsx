// Ids, tag names, article ids and front-matter keys come from files a person may have edited. Named
// after Object.prototype's members they must still count, sort and show like any other name.
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Tag } from '../../../core/model.js';
import type { GlossApi } from '../../../core/api/contract.js';
import { countsById } from '../../../renderer/src/coding/counts-by-id.js';
import { matchTags, tagRows, withDescendants } from '../../../renderer/src/coding/tag-tree.js';
import type { Coding } from '../../../renderer/src/coding/use-coding.js';
import { CodebookDialog } from '../../../renderer/src/components/CodebookDialog.js';
import { loadReadingPosition, saveReadingPosition } from '../../../renderer/src/reader/reading-position.js';
import { uiI18n } from './ui-i18n.js';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

const tag = (id: string, parentId: string | null = null, color = '#0072B2'): Tag => ({
  id,
  name: id,
  parentId,
  color,
  description: '',
});
// `__proto__` at the top with `constructor` below it; a hand-edited colour on `__proto__`.
const TAGS = [
  tag('__proto__', null, 'url(https://example.org/x.png)'),
  tag('constructor', '__proto__'),
  tag('toString'),
  tag('hasOwnProperty'),
];
// What listTags sends once parsed: tags without highlights have no entry at all.
const LISTED_COUNTS = JSON.parse('{"toString": 1, "hasOwnProperty": 3}') as Record<string, number>;

describe('counts per tag id', () => {
  it('are read from the reply’s own entries only, for every prototype-named id', () => {
    const counts = countsById(LISTED_COUNTS);
    expect(PROTOTYPE_NAMES.map((id) => counts.get(id) ?? 0)).toEqual([0, 0, 1, 3]);
    const all = countsById(JSON.parse('{"__proto__": 2, "constructor": 5}') as Record<string, number>);
    expect([all.get('__proto__'), all.get('constructor')]).toEqual([2, 5]);
  });

  it('drop values that are not numbers', () => {
    expect([...countsById({ a: 'function Object() {}11', b: null, c: 2 })]).toEqual([['c', 2]]);
  });
});

describe('the tag tree', () => {
  it('builds paths, matches and sub-trees through prototype-named tags', () => {
    const rows = tagRows(TAGS);
    expect(rows.map((r) => r.path)).toEqual([
      '__proto__',
      '__proto__/constructor',
      'toString',
      'hasOwnProperty',
    ]);
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 0, 0]);
    expect(matchTags(rows, 'proto').map((r) => r.tag.id)).toEqual(['__proto__', 'constructor']);
    expect(matchTags(rows, 'hasOwn').map((r) => r.tag.id)).toEqual(['hasOwnProperty']);
    expect([...withDescendants(TAGS, '__proto__')]).toEqual(['__proto__', 'constructor']);
    expect([...withDescendants(TAGS, 'toString')]).toEqual(['toString']);
  });
});

describe('the codebook dialog', () => {
  it('lists prototype-named tags with their counts and palette swatches, fetching nothing', async () => {
    const i18n = await uiI18n();
    const coding = { tags: TAGS, counts: countsById(LISTED_COUNTS) } as unknown as Coding;
    const html = renderToString(
      <I18nextProvider i18n={i18n}>
        <CodebookDialog api={{} as GlossApi} coding={coding} onClose={() => {}} onError={() => {}} />
      </I18nextProvider>,
    );
    expect(html).not.toContain('data-testid="pane-error"');
    const rows = [...html.matchAll(/data-testid="codebook-tag".*?<\/li>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(4);
    const shown = rows.map((row) => ({
      name: /class="tag-name">([^<]*)</.exec(row)?.[1],
      count: /class="tag-count"[^>]*>([^<]*)</.exec(row)?.[1],
    }));
    expect(shown).toEqual([
      { name: '__proto__', count: '0' },
      { name: 'constructor', count: '0' },
      { name: 'toString', count: '1' },
      { name: 'hasOwnProperty', count: '3' },
    ]);
    // The hand-edited colour never reaches the markup; the swatch has a palette colour instead.
    expect(html).not.toContain('url(');
    expect(rows[0]).toMatch(/style="background-color:#[0-9A-F]{6}"/);
  });
});

describe('reading positions', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    globalThis.localStorage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    } as Storage;
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: Storage }).localStorage;
  });

  it('are kept and read back for articles with prototype-named ids', () => {
    expect(PROTOTYPE_NAMES.map((id) => loadReadingPosition(id))).toEqual([0, 0, 0, 0]);
    PROTOTYPE_NAMES.forEach((id, i) => saveReadingPosition(id, 100 + i));
    expect(PROTOTYPE_NAMES.map((id) => loadReadingPosition(id))).toEqual([100, 101, 102, 103]);
    saveReadingPosition('__proto__', 0);
    expect(loadReadingPosition('__proto__')).toBe(0);
    expect(loadReadingPosition('constructor')).toBe(101);
  });
});
