/**
 * Which coders' highlights are shown ("layers"): mine, every coder's, or the coders chosen in a
 * checklist. One rule for the reader, the highlights pane, the memo and the highlights view (the
 * last asks the host with the `coders` filter, see `codersFilter`). Kept per library in
 * localStorage, like the reading position: a view choice, not part of the library.
 */
export type Layer = { show: 'mine' } | { show: 'all' } | { show: 'chosen'; coderIds: string[] };

export const ALL_CODERS: Layer = { show: 'all' };

/** What the layer needs to know of a highlight (or a memo). */
export interface Coded {
  coderId: string;
  mine: boolean;
}

export function layerIncludes(layer: Layer, item: Coded): boolean {
  if (layer.show === 'all') return true;
  if (layer.show === 'mine') return item.mine;
  return layer.coderIds.includes(item.coderId);
}

/** Whether to offer the layer menu: with several coders, or to undo a layer that hides something. */
export function showsLayerMenu(layer: Layer, coders: readonly unknown[]): boolean {
  return coders.length > 1 || layer.show !== 'all';
}

/** The `coders` filter of listAllAnnotations and exports: undefined is every coder. */
export function codersFilter(layer: Layer, myCoderId: string): string[] | undefined {
  if (layer.show === 'all') return undefined;
  if (layer.show === 'mine') return [myCoderId];
  return [...layer.coderIds];
}

/** The chosen layer with `coderId` ticked or unticked (from another layer: that layer's coders). */
export function toggleCoder(layer: Layer, coderId: string, myCoderId: string, allIds: string[]): Layer {
  const ids = layer.show === 'chosen' ? layer.coderIds : layer.show === 'mine' ? [myCoderId] : [...allIds];
  const next = ids.includes(coderId) ? ids.filter((id) => id !== coderId) : [...ids, coderId];
  return { show: 'chosen', coderIds: next };
}

const KEY = 'gloss.layers';
const MAX_LIBRARIES = 200;
const MAX_CODERS = 1000;

/** A stored value, checked: localStorage is the user's to edit too. */
function parseLayer(value: unknown): Layer | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as { show?: unknown; coderIds?: unknown };
  if (v.show === 'mine' || v.show === 'all') return { show: v.show };
  if (v.show === 'chosen' && Array.isArray(v.coderIds))
    return {
      show: 'chosen',
      coderIds: v.coderIds.filter((id): id is string => typeof id === 'string').slice(0, MAX_CODERS),
    };
  return null;
}

/** Library root → layer, oldest first. A Map: a root is any path, `__proto__` included. */
function readAll(): Map<string, unknown> {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return new Map();
    return new Map(Object.entries(value as Record<string, unknown>));
  } catch {
    return new Map();
  }
}

export function loadLayer(libraryRoot: string): Layer {
  return parseLayer(readAll().get(libraryRoot)) ?? ALL_CODERS;
}

export function saveLayer(libraryRoot: string, layer: Layer): void {
  const all = readAll();
  all.delete(libraryRoot);
  all.set(libraryRoot, layer);
  for (const key of [...all.keys()].slice(0, Math.max(0, all.size - MAX_LIBRARIES))) all.delete(key);
  try {
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(all)));
  } catch {
    // Storage full or disabled: the layer is a convenience, never worth an error.
  }
}
