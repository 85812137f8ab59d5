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
  const articles = new Map<number, number>();
  const overlaps = new Map<number, number>();
  const pairKey = (a: number, b: number): number => (a < b ? a * n + b : b * n + a);
  const add = (m: Map<number, number>, key: number): void => {
    m.set(key, (m.get(key) ?? 0) + 1);
  };

  const flush = (segments: Segment[]): void => {
    const codes = [...new Set(segments.map((s) => s.code))].sort((a, b) => a - b);
    for (let i = 0; i < codes.length; i++)
      for (let j = i + 1; j < codes.length; j++) add(articles, pairKey(codes[i]!, codes[j]!));
    segments.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i]!;
      for (let j = i + 1; j < segments.length && segments[j]!.start < s.end; j++) {
        const t = segments[j]!;
        if (t.code !== s.code && t.end > s.start) add(overlaps, pairKey(s.code, t.code));
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
    for (const id of h.tagIds) segments.push({ code: index.get(id)!, start: h.start, end: h.end });
  }
  if (segments.length) flush(segments);

  const rows: CooccurrenceRow[] = [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const key = a * n + b;
      const both = articles.get(key) ?? 0;
      if (both === 0) continue;
      const [x, y] = [data.tags[a]!, data.tags[b]!];
      rows.push({
        tagA: x.id,
        tagAPath: x.path,
        tagB: y.id,
        tagBPath: y.path,
        articles: both,
        overlaps: overlaps.get(key) ?? 0,
      });
    }
  return rows;
}
