/**
 * Code co-occurrence, for each pair of different codes: the articles where both occur, and the
 * pairs of overlapping segments. A segment is one code on one highlight (a row of the CSV export's
 * tidy layout), so one highlight with both codes is one overlapping pair, and two overlapping
 * highlights each with both codes are two. Ranges overlap when they share at least one character.
 * Pure; per article a sweep over segments sorted by start, so the work grows with the overlaps.
 */
import type { ReportData } from './report-data.js';
import type { CooccurrenceRow } from './report-types.js';

interface Segment {
  code: number;
  start: number;
  end: number;
}

export function cooccurrence(data: Pick<ReportData, 'highlights' | 'tags'>): CooccurrenceRow[] {
  const index = new Map(data.tags.map((t, i) => [t.id, i]));
  const n = data.tags.length;
  // Pair counts in flat n × n tables (a < b used), and per code the last article it was seen in.
  const articles = new Int32Array(n * n);
  const overlaps = new Int32Array(n * n);
  const seenIn = new Int32Array(n).fill(-1);
  const present: number[] = [];
  let article = 0;

  const flush = (segments: Segment[]): void => {
    present.sort((a, b) => a - b);
    for (let i = 0; i < present.length; i++)
      for (let j = i + 1; j < present.length; j++) articles[present[i]! * n + present[j]!]!++;
    present.length = 0;
    article++;
    segments.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i]!;
      for (let j = i + 1; j < segments.length && segments[j]!.start < s.end; j++) {
        const t = segments[j]!;
        if (t.code === s.code || t.end <= s.start) continue;
        overlaps[s.code < t.code ? s.code * n + t.code : t.code * n + s.code]!++;
      }
    }
  };

  let current: string | null = null;
  let segments: Segment[] = [];
  for (const h of data.highlights) {
    if (h.articleId !== current) {
      if (segments.length) flush(segments);
      current = h.articleId;
      segments = [];
    }
    for (const id of h.tagIds) {
      const code = index.get(id)!;
      if (seenIn[code] !== article) {
        seenIn[code] = article;
        present.push(code);
      }
      segments.push({ code, start: h.start, end: h.end });
    }
  }
  if (segments.length) flush(segments);

  const rows: CooccurrenceRow[] = [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const both = articles[a * n + b]!;
      if (both === 0) continue;
      const [x, y] = [data.tags[a]!, data.tags[b]!];
      rows.push({
        tagA: x.id,
        tagAPath: x.path,
        tagB: y.id,
        tagBPath: y.path,
        articles: both,
        overlaps: overlaps[a * n + b]!,
      });
    }
  return rows;
}
