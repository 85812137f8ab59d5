/**
 * Search texts of a batch of parsed files, moved into one string that each text is a slice of.
 * A scan keeps every text (tens of MB): kept as thousands of separate strings, each is copied out
 * of V8's young generation by the next garbage collections, which at 10,000 articles cost more
 * than parsing them. One big string goes straight to the large-object space, and its slices are
 * small references. Also the form in which a parse worker sends a batch (one string to clone).
 */
import type { ArticleSummary } from '../model.js';

export interface ParsedFile {
  summary: ArticleSummary;
  searchText: string;
}

export interface PackedFiles {
  summaries: ArticleSummary[];
  /** Every search text, one after the other. */
  texts: string;
  lengths: number[];
}

export function packFiles(files: readonly ParsedFile[]): PackedFiles {
  return {
    summaries: files.map((f) => f.summary),
    texts: files.map((f) => f.searchText).join(''),
    lengths: files.map((f) => f.searchText.length),
  };
}

export function unpackFiles({ summaries, texts, lengths }: PackedFiles): ParsedFile[] {
  let at = 0;
  return summaries.map((summary, i) => {
    const length = lengths[i] ?? 0;
    return { summary, searchText: texts.slice(at, (at += length)) };
  });
}
