// The CSV export read back with csv-parse, as a spreadsheet or pandas would, and checked against the store.
import { parse } from 'csv-parse/sync';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvExport, type CsvExportOptions } from '../../../core/export/csv-export.js';
import { collectText } from '../../../core/export/export-run.js';
import { planExport, type ExportScope } from '../../../core/export/export-scope.js';
import type { Annotation } from '../../../core/model.js';
import {
  BLOG,
  copyLibrary,
  GOV,
  highlight,
  newSession,
  openTestSession,
  sessionFor,
  type TestSession,
} from './test-library.js';

async function exportCsv(
  session: TestSession,
  options: CsvExportOptions = {},
  scope: ExportScope = { kind: 'library' },
) {
  const run = await csvExport(session, await planExport(session, scope), options);
  const raw = await collectText(run.chunks);
  const records: Record<string, string>[] = parse(raw, { bom: true, columns: true });
  const header: string[] = parse(raw, { bom: true, to_line: 1 })[0]!;
  return { raw, records, header, rows: run.rows };
}

/** What a reader gets back after undoing the formula escaping (one `'` before = + - @ tab CR). */
function unescapeFormula(cell: string): string {
  return cell.replace(/^'(?=[=+\-@\t\r])/, '');
}

/** The code-point slice of a text, as a W3C reader of the offsets would take it. */
function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** The two highlights with tags, notes and the awkward characters most tests need. */
async function annotate(session: TestSession) {
  const topic = await session.annotations.createTag({ name: '经济' });
  const growth = await session.annotations.createTag({ name: '增长', parentId: topic.id, color: '#0072B2' });
  const policy = await session.annotations.createTag({ name: 'Policy, "quoted"' });
  const afterEmoji = await highlight(session, GOV, '国务院总理', {
    tagIds: [growth.id, policy.id],
    note: '第一行\n第二行, with "quotes"',
    color: '#d55e00',
  });
  const gdp = await highlight(session, GOV, '国内生产总值增长5%左右', {
    tagIds: [topic.id],
    note: '=SUM(A1)',
  });
  const comma = await highlight(session, BLOG, 'The second one, with a comma', { note: '+1' });
  const untagged = await highlight(session, BLOG, 'Is this the third?', { note: '-2' });
  const at = await highlight(session, BLOG, '=SUM(A1) written', { note: '@x' });
  return { tags: { topic, growth, policy }, afterEmoji, gdp, comma, untagged, at };
}

describe('CSV export', () => {
  it('writes the columns in order and one row per highlight that matches the store', async () => {
    const session = await newSession();
    const h = await annotate(session);
    const { records, header, rows } = await exportCsv(session);

    expect(header.slice(0, CSV_COLUMNS.length)).toEqual([...CSV_COLUMNS]);
    expect(rows).toBe(5);
    expect(records).toHaveLength(5);
    const texts = new Map<string, string>();
    for (const id of [GOV, BLOG]) texts.set(id, (await session.library.get(id)).doc.text);

    const all: Annotation[] = [];
    for await (const a of session.annotations.allAnnotations()) all.push(a);
    for (const a of all) {
      const row = records.find((r) => r.annotation_id === a.id)!;
      expect(row.article_id).toBe(a.articleId);
      expect(unescapeFormula(row.quote!)).toBe(a.quote.exact);
      expect(unescapeFormula(row.note!)).toBe(a.note);
      expect(codePointSlice(texts.get(a.articleId)!, Number(row.start), Number(row.end))).toBe(a.quote.exact);
      expect(row.creator).toBe('王研究员');
      expect(row.created).toBe(a.created);
      expect(row.modified).toBe(a.modified);
    }

    const first = records.find((r) => r.annotation_id === h.afterEmoji.id)!;
    expect(first).toMatchObject({
      article_path: '新闻/政府工作报告.md',
      title: '政府工作报告要点',
      date: '2024-03-05T10:00:00',
      author: '新华社',
      source_url: 'https://example.com/news/gov-report',
      categories: '经济; 政策',
      tags: '增长; Policy, "quoted"',
      tag_paths: '经济/增长; Policy, "quoted"',
      note: '第一行\n第二行, with "quotes"',
      color: '#D55E00',
    });
    // The emoji before the quote is one code point but two UTF-16 units.
    expect(h.afterEmoji.position.start - Number(first.start)).toBe(1);
    expect(records.find((r) => r.annotation_id === h.comma.id)!.title).toBe('Quotes, commas "and" more');
  });

  it('neutralises formula-like cells and keeps the rest of their text', async () => {
    const session = await newSession();
    const h = await annotate(session);
    const { records } = await exportCsv(session);
    const note = (a: Annotation) => records.find((r) => r.annotation_id === a.id)!.note;
    expect(note(h.gdp)).toBe("'=SUM(A1)");
    expect(note(h.comma)).toBe("'+1");
    expect(note(h.untagged)).toBe("'-2");
    expect(note(h.at)).toBe("'@x");
    expect(records.find((r) => r.annotation_id === h.at.id)!.quote).toBe("'=SUM(A1) written");
    // Numbers are not text: offsets are never prefixed.
    expect(records.every((r) => /^\d+$/.test(r.start!) && /^\d+$/.test(r.end!))).toBe(true);
  });

  it('starts with a BOM unless asked not to, and ends every row with CRLF', async () => {
    const session = await newSession();
    await annotate(session);
    const withBom = await exportCsv(session);
    expect(withBom.raw.startsWith('\uFEFFannotation_id,')).toBe(true);
    const without = await exportCsv(session, { bom: false });
    expect(without.raw.startsWith('annotation_id,')).toBe(true);
    expect(without.records).toEqual(withBom.records);

    // Outside quoted cells every line break is CRLF, one per record (header included).
    const unquoted = without.raw.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted).not.toMatch(/[^\r]\n/);
    expect(unquoted.match(/\r\n/g)).toHaveLength(without.records.length + 1);
    expect(without.raw.endsWith('\r\n')).toBe(true);
    // The note's bare LF is inside a quoted cell.
    expect(without.raw).toContain('"第一行\n第二行, with ""quotes"""');
  });

  it('writes one row per highlight and tag in the tidy layout, untagged highlights once', async () => {
    const session = await newSession();
    const h = await annotate(session);
    const { records, rows } = await exportCsv(session, { layout: 'tidy' });
    // 2 tags + 1 tag + 3 untagged highlights.
    expect(rows).toBe(6);
    expect(records).toHaveLength(6);
    expect(records.filter((r) => r.annotation_id === h.afterEmoji.id).map((r) => r.tag_paths)).toEqual([
      '经济/增长',
      'Policy, "quoted"',
    ]);
    expect(records.find((r) => r.annotation_id === h.untagged.id)!.tags).toBe('');
  });

  it('adds a meta_ column per extra front-matter key of the exported articles', async () => {
    const session = await newSession();
    const h = await annotate(session);
    const { header, records } = await exportCsv(session);
    // blog-empty has no highlights, so its "mood" key is not a column.
    expect(header.slice(CSV_COLUMNS.length)).toEqual([
      'meta_comments',
      'meta_keywords',
      'meta_lang',
      'meta_priority',
      'meta_source_site',
    ]);
    const gov = records.find((r) => r.annotation_id === h.gdp.id)!;
    expect(gov).toMatchObject({
      meta_priority: '3',
      meta_keywords: '增长; 就业',
      meta_source_site: '新华网',
      meta_lang: '',
    });
    expect(records.find((r) => r.annotation_id === h.comma.id)).toMatchObject({
      meta_lang: 'en',
      meta_comments: 'false',
    });
  });

  it('gives N characters of context either side, counting an emoji as one', async () => {
    const session = await newSession();
    const h = await annotate(session);
    const { records } = await exportCsv(session, { context: 3 });
    const row = records.find((r) => r.annotation_id === h.afterEmoji.id)!;
    expect(row.context_before).toBe('电🚀 ');
    expect(row.context_after).toBe('作政府');
    const defaults = (await exportCsv(session)).records.find((r) => r.annotation_id === h.gdp.id)!;
    expect(defaults.context_before).toBe(
      '新华社北京3月5日电🚀 国务院总理作政府工作报告时说，今年发展主要预期目标是：',
    );
  });

  it('gives the whole sentence as context, for Chinese and English punctuation', async () => {
    const session = await newSession();
    const zh = await highlight(session, GOV, '就业1200万');
    const semi = await highlight(session, GOV, '稳中求进');
    const en = await highlight(session, BLOG, 'with a comma');
    const { records } = await exportCsv(session, { context: 'sentence' });
    const row = (a: Annotation) => records.find((r) => r.annotation_id === a.id)!;
    expect(row(zh)).toMatchObject({ context_before: '城镇新增', context_after: '人以上！' });
    expect(row(semi)).toMatchObject({ context_before: '报告还提出，要坚持', context_after: '；' });
    expect(row(en)).toMatchObject({ context_before: 'The second one, ', context_after: ', ends here!' });
  });

  it('exports highlights that can no longer be placed, without offsets or context', async () => {
    const session = await newSession();
    const lost = await session.annotations.restore({
      id: 'lost-1',
      articleId: GOV,
      quote: { type: 'TextQuoteSelector', exact: '这句话已被删除', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 3, end: 10 },
      tagIds: [],
      note: '',
      color: null,
      creator: 'x',
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z',
    });
    const gone = await session.annotations.restore({ ...lost, id: 'gone-1', articleId: 'deleted-article' });
    const { records } = await exportCsv(session);
    expect(records.map((r) => r.annotation_id)).toEqual([lost.id, gone.id]);
    expect(records[0]).toMatchObject({
      quote: '这句话已被删除',
      start: '',
      end: '',
      context_before: '',
      title: '政府工作报告要点',
    });
    expect(records[1]).toMatchObject({
      article_id: 'deleted-article',
      article_path: '',
      title: '',
      start: '',
    });
  });

  it('exports one article, or the highlights of a tag and its sub-tags', async () => {
    const session = await newSession();
    const h = await annotate(session);
    const ids = async (scope: ExportScope) =>
      (await exportCsv(session, {}, scope)).records.map((r) => r.annotation_id);
    expect(await ids({ kind: 'article', articleId: BLOG })).toEqual([h.comma.id, h.untagged.id, h.at.id]);
    expect(await ids({ kind: 'filter', tagIds: [h.tags.topic.id] })).toEqual([h.afterEmoji.id, h.gdp.id]);
    expect(await ids({ kind: 'filter', tagIds: [h.tags.growth.id] })).toEqual([h.afterEmoji.id]);
    expect(await ids({ kind: 'filter', folder: 'blog' })).toHaveLength(3);
    expect(await ids({ kind: 'filter', from: '2024-01-01', to: '2024-12-31' })).toHaveLength(2);
    expect(await ids({ kind: 'filter', articleIds: [GOV] })).toHaveLength(2);
    // A tag-filtered export only has the meta columns of articles that contribute rows.
    const { header } = await exportCsv(session, {}, { kind: 'filter', tagIds: [h.tags.topic.id] });
    expect(header).not.toContain('meta_lang');
    await expect(planExport(session, { kind: 'filter', tagIds: ['no-such-tag'] })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('fails the whole export when the store cannot be read part-way', async () => {
    const session = await newSession();
    await annotate(session);
    const failing = {
      ...session,
      annotations: Object.assign(Object.create(session.annotations) as typeof session.annotations, {
        async *listEach(ids: Iterable<string>) {
          for await (const listed of session.annotations.listEach(ids)) {
            if (listed.articleId === BLOG) throw new Error('disk on fire');
            yield listed;
          }
        },
      }),
    };
    const run = await csvExport(failing, await planExport(failing, { kind: 'library' }), {});
    await expect(collectText(run.chunks)).rejects.toThrow('disk on fire');
    await expect(planExport(session, { kind: 'article', articleId: 'nope' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('writes the same CSV from the texts kept since the articles were opened as from cleaning them again', async () => {
    const root = await copyLibrary();
    const first = await openTestSession(root);
    await annotate(first); // opens the highlighted articles, as the reader does
    const { raw: expected, header } = await exportCsv(first);
    await first.close();
    expect(header).toContain('meta_source_site');

    // Reopened: text and metadata come from what the library kept of the opened articles.
    const reopened = await openTestSession(root);
    expect((await exportCsv(reopened)).raw).toBe(expected);
    await reopened.close();

    // Without the caches every article is read and cleaned again.
    await rm(path.join(root, '.gloss', 'cache'), { recursive: true, force: true });
    expect((await exportCsv(await sessionFor(root))).raw).toBe(expected);
  });

  it('writes only the header for an empty scope', async () => {
    const session = await newSession();
    const { raw, records } = await exportCsv(session);
    expect(records).toEqual([]);
    expect(raw).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });
});
