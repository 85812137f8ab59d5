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
  /**
   * True when `searchText` is the canonical cleaned text; false for the quick text (the scan's
   * first pass, or a cleaning job whose cleaner could not run here: then the main thread tries).
   */
  canonical: boolean;
}

export interface PackedFiles {
  summaries: ArticleSummary[];
  /** Every search text, one after the other. */
  texts: string;
  lengths: number[];
  /** Indexes of the files whose text is not canonical. */
  notCanonical: number[];
}

export function packFiles(files: readonly ParsedFile[]): PackedFiles {
  return {
    summaries: files.map((f) => f.summary),
    texts: files.map((f) => f.searchText).join(''),
    lengths: files.map((f) => f.searchText.length),
    notCanonical: files.flatMap((f, i) => (f.canonical ? [] : [i])),
  };
}

export function unpackFiles({ summaries, texts, lengths, notCanonical }: PackedFiles): ParsedFile[] {
  let at = 0;
  const rough = new Set(notCanonical);
  return summaries.map((summary, i) => {
    const length = lengths[i] ?? 0;
    return { summary, searchText: texts.slice(at, (at += length)), canonical: !rough.has(i) };
  });
}
