/**
 * Autocode (issue 19): every hit of a search, in keyword-in-context, to be coded in one batch.
 * Pure types, shared by the domain, the API, the CLI and the renderer.
 */

/** What a hit becomes when coded: the matched words, their sentence, or their paragraph. */
export type AutocodeUnit = 'match' | 'sentence' | 'paragraph';

export interface AutocodeHit {
  /** Stable while the text does not change: `<articleId>#<start>-<end>` of the match. */
  id: string;
  articleId: string;
  path: string;
  title: string;
  /** The match, in code points of the article's canonical text (as exports count). */
  start: number;
  end: number;
  /** What would be highlighted (the unit around the match), in code points. */
  unitStart: number;
  unitEnd: number;
  /** The highlighted text: the unit. */
  quote: string;
  /** Keyword in context: text before the match, the match, text after it. */
  before: string;
  match: string;
  after: string;
  /** One of the current coder's highlights with this tag already overlaps the unit: skipped on apply. */
  alreadyCoded: boolean;
}

export interface AutocodePreview {
  hits: AutocodeHit[];
  /** Hits in all (`hits` stops at the limit). */
  total: number;
  /** Articles with at least one hit. */
  articles: number;
  /** `total` is more than `hits` holds. */
  truncated: boolean;
  /** Articles the query finds only in their title: the search lists them, but there is no text to code. */
  titleOnly: number;
  /** What could not be searched (an unreadable article), or how the query was read. */
  notes: string[];
}

export interface AutocodeResult {
  /** Highlights made. */
  created: number;
  /** Hits not coded: already coded with the tag, overlapping an earlier kept hit, or gone since the preview. */
  skipped: number;
  /** Ids of the highlights made, per article: what one undo step deletes. */
  createdByArticle: { articleId: string; annotationIds: string[] }[];
  annotationIds: string[];
}
