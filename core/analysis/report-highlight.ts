/** One highlight as the reports count it (kept apart so the data and its cache share it). */
export interface ReportHighlight {
  articleId: string;
  coderId: string;
  /** Report codes (ids of `ReportData.tags`), each once; never empty. Shared: never change it. */
  tagIds: readonly string[];
  /** Stored UTF-16 range. */
  start: number;
  end: number;
  /** Code points highlighted. */
  characters: number;
}
