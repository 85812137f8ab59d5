// The `date` column read back as a user's tools would: CSV with csv-parse, JSON parsed, Markdown as
// text. Front-matter dates with a zone keep their offset, those without one get none, and a date
// alone stays a date; every value is ISO 8601 and each format says the same.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { collectText } from '../../../core/export/export-run.js';
import { startExport } from '../../../core/export/run-export.js';
import { datedLibrarySession, highlight, type TestSession } from './test-library.js';

/** What each fixture's front matter says, and the ISO 8601 text it must be exported as. */
const EXPECTED: Record<string, { written: string; iso: string }> = {
  'cn-zoned': { written: '2024-03-01T09:30:00+08:00', iso: '2024-03-01T09:30:00+08:00' },
  'cn-naive': { written: '2024-03-01 09:30:00', iso: '2024-03-01T09:30:00' },
  'cn-chinese-date': { written: '2024年5月6日 08:15', iso: '2024-05-06T08:15:00' },
  'en-gmt': { written: 'Fri, 15 Mar 2024 14:00:00 GMT', iso: '2024-03-15T14:00:00Z' },
  'en-day': { written: '2024-04-02', iso: '2024-04-02' },
};

/** ISO 8601: a calendar date, or a date and time with an optional `Z` or `±hh:mm` offset. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})?)?$/;

/** First sentence of each fixture, to highlight. */
const QUOTES: Record<string, string> = {
  'cn-zoned': '中国人民银行宣布下调存款准备金率。',
  'cn-naive': '今年一季度，地方财政收入同比回升。',
  'cn-chinese-date': '各地春耕备耕有序推进。',
  'en-gmt': 'Stocks rose sharply on Friday.',
  'en-day': 'Trade volumes recovered in the spring.',
};

async function datedSession(): Promise<TestSession> {
  const session = await datedLibrarySession();
  for (const [id, quote] of Object.entries(QUOTES)) await highlight(session, id, quote);
  return session;
}

async function exportText(session: TestSession, format: 'csv' | 'json' | 'md'): Promise<string> {
  return collectText((await startExport(session, { format })).chunks);
}

describe('the date column', () => {
  it('is ISO 8601 in the CSV, with the offset the source gave and none where it gave none', async () => {
    const session = await datedSession();
    const rows: Record<string, string>[] = parse(await exportText(session, 'csv'), {
      bom: true,
      columns: true,
    });
    expect(rows).toHaveLength(Object.keys(EXPECTED).length);
    for (const row of rows) {
      expect(row.date, row.article_id).toBe(EXPECTED[row.article_id!]!.iso);
      expect(row.date).toMatch(ISO_8601);
      // The same instant or wall-clock time as the front matter, not shifted to UTC.
      const written = EXPECTED[row.article_id!]!.written;
      if (/GMT|[+-]\d{2}:\d{2}$/.test(written)) {
        expect(new Date(row.date!).getTime()).toBe(new Date(written.replace(' GMT', 'Z')).getTime());
      }
    }
  });

  it('says the same in the JSON and the Markdown exports', async () => {
    const session = await datedSession();
    const json = JSON.parse(await exportText(session, 'json')) as {
      articles?: Record<string, { date: string | null }>;
    };
    const markdown = await exportText(session, 'md');
    const jsonText = JSON.stringify(json);
    for (const { iso } of Object.values(EXPECTED)) {
      expect(jsonText).toContain(`"date":"${iso}"`);
      expect(markdown).toContain(iso);
    }
    // No date was converted to UTC on the way (09:30 at +08:00 is 01:30Z).
    expect(jsonText).not.toContain('2024-03-01T01:30:00Z');
    expect(markdown).not.toContain('2024-03-01T01:30:00Z');
  });
});
