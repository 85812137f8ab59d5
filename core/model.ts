/**
 * The domain types every part of Gloss speaks: articles, tags, annotations and their selectors.
 * Pure types only; no Node or DOM imports, so the renderer may import them too.
 */

/** A warning attached to an article: shown in the UI, printed by the CLI, never fatal. */
export interface ArticleWarning {
  code:
    | 'front-matter'
    | 'encoding'
    | 'date'
    | 'too-large'
    | 'binary'
    | 'empty'
    | 'unreadable'
    | 'parse'
    | 'simplified'
    | 'markdown-as-text';
  message: string;
  /** 1-based line in the file the warning refers to, when known. */
  line?: number;
}

export type ArticleFormat = 'front-matter-html' | 'markdown' | 'html-page' | 'plain-text';

export interface ArticleMeta {
  title: string;
  /** ISO 8601 (UTC when the source had a zone), or null when missing or unparseable. */
  date: string | null;
  /** The date exactly as written in the file. */
  dateRaw: string | null;
  author: string | null;
  categories: string[];
  tags: string[];
  url: string | null;
  image: string | null;
  /** Editor credit lines moved out of the body (e.g. 责任编辑：李墨轩). */
  editor: string | null;
  /** Every other front-matter key, kept as parsed. */
  extra: Record<string, unknown>;
}

/** One row of the library list: cheap to hold 100,000 of. */
export interface ArticleSummary {
  /** Stable id: front-matter id or URL when present, else derived from the path. */
  id: string;
  /** Path relative to the library root, always with forward slashes. */
  path: string;
  /** Folder part of `path` ('' for the root). */
  folder: string;
  title: string;
  date: string | null;
  author: string | null;
  categories: string[];
  size: number;
  mtimeMs: number;
  format: ArticleFormat;
  encoding: string;
  warnings: ArticleWarning[];
  /** Hash of the article body, so a moved or renamed file can be recognised. */
  fingerprint: string;
  annotationCount: number;
}

/** The canonical cleaned document that annotations anchor to. */
export interface CleanDocument {
  /** Sanitized HTML of the body. */
  html: string;
  /**
   * Plain text of the body: the text content of `html`, block elements separated by "\n\n".
   * Offsets into it are UTF-16 code units internally (see docs/ARCHITECTURE.md).
   */
  text: string;
  cleanerVersion: number;
  /** Number of remote images replaced by placeholders. */
  remoteImages: number;
}

export interface Article extends ArticleSummary {
  meta: ArticleMeta;
  doc: CleanDocument;
}

/** An article as `getArticle` returns it to the reader. */
export interface OpenedArticle extends Article {
  /**
   * Version of `doc.text` (a hash of it): the reader sends it back with every highlight it places,
   * so the host can tell whether the offsets still point into the same text.
   */
  textVersion: string;
}

export interface Tag {
  id: string;
  name: string;
  /** Parent tag id, or null at the top of the tree. */
  parentId: string | null;
  color: string;
  description: string;
  /** The number key '1'–'9' that applies it; null or absent: none (see core/store/tag-keys.ts). */
  key?: string | null;
  /** Listings only: the key this tag holds but loses to an earlier tag with the same key. */
  keyClash?: string;
}

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector; in storage, offsets are UTF-16 code units into the canonical text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';

export interface Annotation {
  id: string;
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  tagIds: string[];
  note: string;
  color: string | null;
  creator: string;
  /** The coder's id (see Coder); absent in files written before coders existed. */
  creatorId?: string;
  created: string;
  modified: string;
}

/** Who codes: a display name and a stable id derived from it (the same person on two machines). */
export interface Coder {
  id: string;
  name: string;
}

/** Whose a highlight is, as the API returns it: the coder of the writer folder it was read from. */
export interface HighlightOwner {
  coderId: string;
  coderName: string;
  /** Written by this Gloss's current coder: only these can be changed or deleted here. */
  mine: boolean;
}

/** A highlight with its owner (lists and creates return these). */
export type OwnedAnnotation = Annotation & HighlightOwner;

/**
 * One highlight of an open article as the reader lists it, in as few bytes as it needs: an
 * article's 1,000 highlights cross from host to page on every open, and the page waits for them
 * before it can paint. So: no selectors (anchoring has used them), no creator or modified time
 * (the reader shows neither), and the quote only when the text at `range` is not it.
 */
export interface AnchoredAnnotation extends Omit<
  Annotation,
  'quote' | 'position' | 'creator' | 'creatorId' | 'modified'
> {
  /**
   * The stored quote's exact text; null when it is exactly the article's text at `range` (placed
   * where it was or moved), which the reader already has.
   */
  quote: { exact: string } | null;
  status: AnchorStatus;
  /** Where it sits now, in UTF-16 units; null when orphaned. */
  range: { start: number; end: number } | null;
}

/** A changed highlight as it is now, and as it was before the change (what undo restores). */
export interface AnnotationChange {
  annotation: Annotation;
  previous: Annotation;
}

export interface SearchHit {
  articleId: string;
  path: string;
  title: string;
  /** UTF-16 offset of the match in the article text (or -1 for a title-only match). */
  offset: number;
  length: number;
  before: string;
  match: string;
  after: string;
}

/** A problem with a search query (see core/search/parse-query.ts); the UI words it from `code`. */
export interface SearchQueryProblem {
  code:
    | 'unclosed-quote'
    | 'empty-phrase'
    | 'dangling-or'
    | 'lone-minus'
    | 'or-with-exclusion'
    | 'only-exclusions'
    | 'too-many-terms';
  message: string;
  term?: string;
}

/** One matching article of a search, with its first hits in context. */
export interface SearchGroup {
  articleId: string;
  path: string;
  title: string;
  /** Occurrences of the query's words in title and text (each word counted up to `countCap`). */
  hits: number;
  /** Some word occurs more than `countCap` times: show `hits` as "hits+". */
  capped: boolean;
  /** The first few, in text order (title first). */
  first: SearchHit[];
}

/** What a search answers: every matching article with its count, and a page of them with hits. */
export interface SearchReply {
  /** Occurrences in every matching article, each article counted up to `countCap`. */
  total: number;
  /** Some article has more than `countCap`: show the total as "total+". */
  totalCapped: boolean;
  /** Matching articles, exact, with the filters applied. */
  articleCount: number;
  /**
   * Every matching article, in the reply's order: `ids[i]` has `hits[i]` occurrences, or more
   * when `capped[i]` (show "hits+"). The library list narrows to these. Parallel arrays: at
   * 10,000 matches this is a third of the JSON of one object per article.
   */
  articles: { ids: string[]; hits: number[]; capped: boolean[] };
  /** Per article, each word's occurrences are counted up to this (lower when many articles match). */
  countCap: number;
  /** `articles` from the asked offset, with title, path and first hits in context. */
  groups: SearchGroup[];
  /** The hits of `groups`, one after the other (the flat list the first results panel shows). */
  hits: SearchHit[];
  /** What in the query could not be read; the rest was searched. */
  problems: SearchQueryProblem[];
}

/** How far the library scan has got. */
export interface ScanProgress {
  done: number;
  total: number;
  scanning: boolean;
  /**
   * While scanning: 'listing' reads every file's metadata (done/total count files); 'indexing'
   * then reads the bodies of files new to the cache for search (done/total count those). After the
   * scan (`scanning` false), 'cleaning' replaces quick search texts by canonical cleaned ones in
   * the background (done/total count articles); until it ends, search may find boilerplate.
   */
  phase?: 'listing' | 'indexing' | 'cleaning';
}
