/**
 * What the export dialog asks for, kept between runs (localStorage), and how the UI's current
 * filters become an export scope: the library list's filters (folder, dates, tag with sub-tags;
 * category, "has highlights" and a saved set, which the scope cannot express, by the ids of the
 * listed articles) or the all-highlights view's tag filter and set.
 */
import type { ExportOpInput } from '../../../core/api/export-contract.js';

export type ExportFormat = ExportOpInput<'exportAnnotations'>['format'];

/** Every format the dialog offers, in its order. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'json', 'md', 'qdpx', 'qdc'];

/** Formats with rows of highlights, and so the layout and context options (the BOM is CSV's alone). */
export const hasRowOptions = (format: ExportFormat): boolean => format === 'csv' || format === 'xlsx';
export type ExportScope = ExportOpInput<'exportAnnotations'>['scope'];

export interface ExportSettings {
  format: ExportFormat;
  layout: 'wide' | 'tidy';
  contextKind: 'chars' | 'sentence';
  contextChars: number;
  bom: boolean;
}

export const DEFAULT_SETTINGS: ExportSettings = {
  format: 'csv',
  layout: 'wide',
  contextKind: 'chars',
  contextChars: 100,
  bom: true,
};

const SETTINGS_KEY = 'gloss.exportSettings';
const MAX_CONTEXT = 10_000;
/** The contract's cap on `articleIds`. */
export const MAX_SCOPE_ARTICLES = 100_000;

export function loadSettings(): ExportSettings {
  try {
    const raw = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<ExportSettings>;
    const s = { ...DEFAULT_SETTINGS };
    if (EXPORT_FORMATS.includes(raw.format as ExportFormat)) s.format = raw.format as ExportFormat;
    if (raw.layout === 'wide' || raw.layout === 'tidy') s.layout = raw.layout;
    if (raw.contextKind === 'chars' || raw.contextKind === 'sentence') s.contextKind = raw.contextKind;
    if (typeof raw.contextChars === 'number') s.contextChars = clampContext(raw.contextChars);
    if (typeof raw.bom === 'boolean') s.bom = raw.bom;
    return s;
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(settings: ExportSettings): void {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

export function clampContext(n: number): number {
  return Number.isFinite(n)
    ? Math.min(MAX_CONTEXT, Math.max(0, Math.round(n)))
    : DEFAULT_SETTINGS.contextChars;
}

/** The saved set chosen in the library list (issue 19): it narrows every view and export. */
export interface ChosenSet {
  name: string;
  articleIds: readonly string[];
}

/** The library list's filters, as LibraryPane reports them. */
export interface LibraryFilter {
  source: 'library';
  set?: ChosenSet;
  folder?: string;
  /** False: the folder's own articles only (see core/query/article-query.ts). */
  subfolders?: boolean;
  /** A category path from the top: it and the categories under it. */
  categoryPath?: readonly string[];
  from?: string;
  to?: string;
  hasAnnotations?: boolean;
  tagId?: string;
  /** The ids of the articles listed now (every filter applied). */
  visibleIds: readonly string[];
}

/** The all-highlights view's filters. */
export interface HighlightsFilter {
  source: 'highlights';
  tagId?: string;
  /** Text in the quote or note: not something an export scope can express. */
  text?: string;
  /** The library list's set: only its articles' highlights are listed. */
  set?: ChosenSet;
}

export type CurrentFilter = LibraryFilter | HighlightsFilter;

/** Whether the filter narrows anything down (an empty one is the whole library). */
export function isFilterActive(filter: CurrentFilter | null): filter is CurrentFilter {
  if (!filter) return false;
  if (filter.set) return true;
  if (filter.source === 'highlights') return Boolean(filter.tagId || filter.text);
  return Boolean(
    filter.folder ||
    filter.categoryPath?.length ||
    filter.from ||
    filter.to ||
    filter.tagId ||
    filter.hasAnnotations !== undefined,
  );
}

/** The export scope that covers what the filter shows (the highlights view's text filter aside). */
export function scopeOfFilter(filter: CurrentFilter): ExportScope {
  const tagIds = filter.tagId ? [filter.tagId] : undefined;
  if (filter.source === 'highlights')
    return {
      kind: 'filter',
      ...(tagIds ? { tagIds } : {}),
      ...(filter.set ? { articleIds: [...filter.set.articleIds] } : {}),
    };
  // Folder (with its sub-folders) and dates are part of the scope; a category, "has highlights", a
  // set and a folder without its sub-folders are not, so the listed articles are named instead
  // (which also keeps the scope exactly what the list shows).
  const byIds =
    Boolean(filter.categoryPath?.length) ||
    filter.subfolders === false ||
    filter.hasAnnotations !== undefined ||
    Boolean(filter.set);
  return {
    kind: 'filter',
    ...(tagIds ? { tagIds } : {}),
    ...(filter.folder ? { folder: filter.folder } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(byIds ? { articleIds: [...filter.visibleIds] } : {}),
  };
}

/** The export's options; `coders` (coder ids) limits it to their highlights, undefined: everyone's. */
export function exportInput(
  settings: ExportSettings,
  scope: ExportScope,
  coders?: readonly string[],
): ExportOpInput<'exportAnnotations'> {
  return {
    ...(coders ? { coders: [...coders] } : {}),
    format: settings.format,
    scope,
    layout: settings.layout,
    context: settings.contextKind === 'sentence' ? 'sentence' : clampContext(settings.contextChars),
    bom: settings.bom,
  };
}
