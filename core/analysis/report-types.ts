/**
 * The shapes of the analysis reports (issue 19): code frequencies, the article × code matrix,
 * co-occurrence and codes over time, and the scope they are computed over. Pure types, shared by
 * the domain (core/analysis), the API, the CLI and the renderer's "Analysis" area.
 *
 * Units: characters are Unicode code points, as in the CSV export (core/export/place-annotations.ts).
 */

export type ReportKind = 'frequencies' | 'matrix' | 'cooccurrence' | 'timeline';

/** How the timeline groups articles: by their front-matter date, or by source, category or folder. */
export type TimelineBy = 'day' | 'week' | 'month' | 'year' | 'source' | 'category' | 'folder';

/** How a sample is stratified: by source (the outlet, front-matter `author`), category, folder or month. */
export type StratifyBy = 'source' | 'category' | 'folder' | 'month';

/**
 * Which articles: the library list's filters. Every field narrows; an absent one does not.
 * (Sampling, autocode and every report take this.)
 */
export interface ArticleScope {
  /** A saved set's name: only its articles. */
  set?: string;
  /** Folder ('' = all), with its sub-folders unless `subfolders` is false. */
  folder?: string;
  subfolders?: boolean;
  category?: string;
  /** Articles matching this full-text search. */
  query?: string;
  /** Inclusive ISO dates (YYYY-MM-DD) of the article's date; undated articles are left out when set. */
  from?: string;
  to?: string;
  /** Only these article ids (e.g. the current list, or a search's hits). */
  articleIds?: string[];
}

/** What a report covers: the articles, and whose highlights with which codes. */
export interface ReportScope extends ArticleScope {
  /** Coder ids; absent or empty = every coder. */
  coders?: string[];
  /** Tag ids; absent or empty = every code. With `foldToParents`, a code's sub-codes count as it. */
  tags?: string[];
  /** Count each highlight under its top-level code (the root of its branch of the codebook). */
  foldToParents?: boolean;
}

/** One code (and, per coder, one coder): its highlights, the articles it occurs in, the characters it covers. */
export interface FrequencyRow {
  tagId: string;
  tagPath: string;
  /** Null: every coder together (the first row of each code). */
  coderId: string | null;
  coderName: string | null;
  highlights: number;
  articles: number;
  /** Code points highlighted: the lengths of its highlights added up (as `end - start` in the CSV export). */
  characters: number;
}

/** One non-zero cell of the article × code matrix. */
export interface MatrixRow {
  articleId: string;
  articlePath: string;
  title: string;
  date: string | null;
  source: string | null;
  tagId: string;
  tagPath: string;
  highlights: number;
}

/** One pair of different codes, tagA before tagB in codebook order (the table is symmetric). */
export interface CooccurrenceRow {
  tagA: string;
  tagAPath: string;
  tagB: string;
  tagBPath: string;
  /** Articles where both codes occur. */
  articles: number;
  /** Pairs of highlights (one of each code) whose text overlaps; one highlight carrying both counts as a pair. */
  overlaps: number;
}

/** One code in one period (or source, category, folder). */
export interface TimelineRow {
  /**
   * `2024-03-05` (day), `2024-W10` (ISO week), `2024-03` (month), `2024` (year), or the source,
   * category or folder name ('' is the library's top folder). Null: articles without a date (or
   * without a source or category), counted apart.
   */
  period: string | null;
  tagId: string;
  tagPath: string;
  highlights: number;
  articles: number;
}

/** A code as the report shows it (after folding), with its codebook colour, in codebook order. */
export interface ReportTag {
  id: string;
  path: string;
  color: string;
}

export interface ReportCoder {
  id: string;
  name: string;
}

interface ReportBase {
  tags: ReportTag[];
  /** The coders whose highlights were counted. */
  coders: ReportCoder[];
  /** Articles in scope (whether coded or not). */
  articleCount: number;
  /** Things the reader should know (a set that does not exist, highlights that could not be placed…). */
  notes: string[];
}

export type Report =
  | (ReportBase & { kind: 'frequencies'; rows: FrequencyRow[] })
  | (ReportBase & { kind: 'matrix'; rows: MatrixRow[] })
  | (ReportBase & { kind: 'cooccurrence'; rows: CooccurrenceRow[] })
  | (ReportBase & { kind: 'timeline'; by: TimelineBy; rows: TimelineRow[] });

export type ReportOf<K extends ReportKind> = Extract<Report, { kind: K }>;
