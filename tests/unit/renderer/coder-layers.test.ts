// Layers: whose highlights the window shows (mine, all coders, chosen coders). The reader and the
// pane filter with `layerIncludes`; the highlights view and exports ask the host with
// `codersFilter`: both must show the same highlights. The choice is kept per library.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ALL_CODERS,
  codersFilter,
  layerIncludes,
  loadLayer,
  saveLayer,
  toggleCoder,
  type Layer,
} from '../../../renderer/src/coders/layers.js';
import { CODER_PALETTE, coderColor, coderColors } from '../../../renderer/src/coders/coder-colors.js';
import { OKABE_ITO } from '../../../core/store/palette.js';

const ME = 'alice';
const coderIds = fc.constantFrom('alice', 'bob', 'chen', 'c-0123456789ab');
const layers: fc.Arbitrary<Layer> = fc.oneof(
  fc.constant<Layer>({ show: 'mine' }),
  fc.constant<Layer>({ show: 'all' }),
  fc.uniqueArray(coderIds).map((ids): Layer => ({ show: 'chosen', coderIds: ids })),
);

describe('layers', () => {
  it('shows in the reader exactly what the host is asked for in the highlights view', () => {
    fc.assert(
      fc.property(layers, coderIds, (layer, coderId) => {
        const highlight = { coderId, mine: coderId === ME };
        const filter = codersFilter(layer, ME);
        const byHost = filter === undefined || filter.includes(coderId);
        expect(layerIncludes(layer, highlight)).toBe(byHost);
      }),
    );
  });

  it('ticking a coder from "all" keeps the others and drops that one; from "mine", adds to me', () => {
    const all = ['alice', 'bob', 'chen'];
    expect(toggleCoder({ show: 'all' }, 'bob', ME, all)).toEqual({
      show: 'chosen',
      coderIds: ['alice', 'chen'],
    });
    expect(toggleCoder({ show: 'mine' }, 'bob', ME, all)).toEqual({
      show: 'chosen',
      coderIds: ['alice', 'bob'],
    });
    expect(toggleCoder({ show: 'chosen', coderIds: ['bob'] }, 'bob', ME, all)).toEqual({
      show: 'chosen',
      coderIds: [],
    });
  });

  it('shows nobody’s highlights when no coder is chosen (and asks the host for none)', () => {
    const none: Layer = { show: 'chosen', coderIds: [] };
    expect(layerIncludes(none, { coderId: ME, mine: true })).toBe(false);
    expect(codersFilter(none, ME)).toEqual([]);
  });
});

describe('the layer kept per library', () => {
  let store: Map<string, string>;
  beforeEach(() => {
    store = new Map();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('remembers each library’s layer apart, and shows all coders in a library never set', () => {
    saveLayer('/corpus/a', { show: 'mine' });
    saveLayer('/corpus/b', { show: 'chosen', coderIds: ['bob'] });
    saveLayer('__proto__', { show: 'mine' });
    expect(loadLayer('/corpus/a')).toEqual({ show: 'mine' });
    expect(loadLayer('/corpus/b')).toEqual({ show: 'chosen', coderIds: ['bob'] });
    expect(loadLayer('__proto__')).toEqual({ show: 'mine' });
    expect(loadLayer('/corpus/c')).toEqual(ALL_CODERS);
  });

  it('falls back to all coders on anything stored that is not a layer', () => {
    for (const raw of [
      'not json',
      '[]',
      '{"/x": {"show": "everyone"}}',
      '{"/x": {"show": "chosen"}}',
      'null',
    ]) {
      store.set('gloss.layers', raw);
      expect(loadLayer('/x')).toEqual(ALL_CODERS);
    }
    store.set('gloss.layers', '{"/x": {"show": "chosen", "coderIds": ["bob", 3, null]}}');
    expect(loadLayer('/x')).toEqual({ show: 'chosen', coderIds: ['bob'] });
  });
});

describe('coder colours', () => {
  it('gives a coder the same colour every time, from a palette unlike the tags’', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (id) => {
        expect(coderColor(id)).toBe(coderColor(id));
        expect(CODER_PALETTE).toContain(coderColor(id));
      }),
    );
    for (const c of CODER_PALETTE) expect(OKABE_ITO.map((o) => o.toUpperCase())).not.toContain(c);
  });

  it('gives up to nine coders of a library nine different colours, the same on every machine', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 9 }), (ids) => {
        const colors = coderColors(ids);
        expect(new Set(colors.values()).size).toBe(ids.length);
        // Another machine lists the coders in another order: the same colours.
        expect(coderColors([...ids].reverse())).toEqual(colors);
      }),
    );
    const team = coderColors(['alice', 'bob']);
    expect(team.get('alice')).not.toBe(team.get('bob'));
  });

  it('still colours every coder of a larger team from the palette', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `coder-${i}`);
    const colors = coderColors(ids);
    expect(colors.size).toBe(20);
    for (const c of colors.values()) expect(CODER_PALETTE).toContain(c);
  });
});
