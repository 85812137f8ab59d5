/**
 * What importing a REFI-QDA project (`.qdpx`) or codebook (`.qdc`) did, or would do in a dry run:
 * every selection is accounted for (placed, placed approximately, or unplaced with a reason), so
 * nothing of the other tool's work is dropped without the user being told. Pure types, shared by
 * the importer, the API contract, the CLI and the Import dialog.
 */

/** Why a selection of the project could not be placed on its article's text. */
export type UnplacedReason =
  /** The quoted text is not in the article (the texts differ there); stored for review. */
  | 'text-not-found'
  /** Start and end are outside the source's text, or end before start, in every convention. */
  | 'bad-position'
  /** A selection of no characters (ATLAS.ti writes them): there is nothing to highlight. */
  | 'empty-selection'
  /** A code applied to a whole source rather than to a passage: Gloss codes passages only. */
  | 'whole-source-coding'
  /** The source's text could not be read (missing file, not text, too large). */
  | 'no-source-text'
  /** A note tied to a passage whose source the project does not say. */
  | 'note-without-source';

export interface UnplacedSelection {
  /** The source's name in the project. */
  source: string;
  /**
   * The selected text as the other tool had it (empty when it could not be read); for a code on a
   * whole source, the code's name.
   */
  quote: string;
  reason: UnplacedReason;
  /** Stored as a highlight to review ("Needs review" in the article), or only listed here. */
  storedForReview: boolean;
}

export interface ApproximateSelection {
  source: string;
  /** The selected text as the other tool had it. */
  quote: string;
  /** The text of the article where it was placed. */
  placedText: string;
}

export interface MatchedArticle {
  /** The source's name in the project. */
  source: string;
  articleId: string;
  /** The library article's path. */
  path: string;
  /** True when the texts are the same (line breaks and spacing aside); false for a close match. */
  exact: boolean;
}

export interface SourceVariables {
  source: string;
  /** Variable name → value as written in the project. */
  values: Record<string, string>;
  /** Where they went: the new article's front matter, or only this report (an existing article). */
  keptIn: 'front-matter' | 'report';
}

export interface CodesReport {
  /** Paths (`Parent/Child`) of tags created. */
  created: string[];
  /** Paths of codes that matched an existing tag (by name path; its colour and description kept). */
  existing: string[];
  /** Names that Gloss cannot hold as they were (a "/" in a name, too long, empty), and what they became. */
  renamed: { from: string; to: string }[];
}

export interface ProjectImportReport {
  /** The file read (its name). */
  fileName: string;
  /** The project's name and the tool that wrote it (`origin`), when given. */
  projectName: string;
  origin: string | null;
  /** Nothing was written: what the import would do. */
  dryRun: boolean;
  /** Selections placed on exactly the text they had (spacing and line breaks aside). */
  placed: number;
  /** Selections placed on text that differs a little (fuzzy match); listed in `approximateSelections`. */
  approximate: number;
  approximateSelections: ApproximateSelection[];
  unplaced: UnplacedSelection[];
  /** Library paths of the articles added for sources no article matched. */
  newArticles: string[];
  matchedArticles: MatchedArticle[];
  /** Names of the coders the highlights were imported as (the project's users). */
  coders: string[];
  codes: CodesReport;
  /** Highlights written (new or changed); 0 in a dry run and when importing the same project again. */
  highlightsWritten: number;
  /** Notes the project holds that became highlight notes or article memos. */
  notes: number;
  memos: number;
  variables: SourceVariables[];
  /** Sources Gloss cannot import (pictures, PDFs, audio, video), by name and kind. */
  skippedSources: { source: string; kind: string }[];
  /** How positions were counted, per source whose convention was told by its text (see offset-conventions.ts). */
  conventions: { source: string; convention: string }[];
  warnings: string[];
}

export interface CodebookImportReport {
  fileName: string;
  dryRun: boolean;
  /** Paths of tags created. */
  created: string[];
  /** Paths of codes that matched existing tags. */
  existing: string[];
  renamed: { from: string; to: string }[];
  warnings: string[];
}
