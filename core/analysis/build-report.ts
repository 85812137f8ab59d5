/** One report from the gathered data: the pure computation the kind asks for. */
import { articleMatrix } from './article-matrix.js';
import { cooccurrence } from './cooccurrence.js';
import { frequencies } from './frequencies.js';
import type { ReportData } from './report-data.js';
import type { Report, ReportKind, TimelineBy } from './report-types.js';
import { timeline } from './timeline.js';

export function buildReport(data: ReportData, kind: ReportKind, by: TimelineBy = 'month'): Report {
  const base = {
    tags: data.tags,
    coders: data.coders,
    articleCount: data.articles.length,
    notes: data.notes,
  };
  switch (kind) {
    case 'frequencies':
      return { ...base, kind, rows: frequencies(data) };
    case 'matrix':
      return { ...base, kind, rows: articleMatrix(data) };
    case 'cooccurrence':
      return { ...base, kind, rows: cooccurrence(data) };
    case 'timeline':
      return { ...base, kind, by, rows: timeline(data, by) };
  }
}
