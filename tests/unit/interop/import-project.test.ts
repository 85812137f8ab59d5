// Importing REFI-QDA projects as NVivo, ATLAS.ti and QualCoder write them: every selection lands
// on the text it quoted, as a highlight of its user with the codes as tags and its notes.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchor } from '../../../core/anchor/anchor.js';
import { importProject } from '../../../core/interop/import/import-project.js';
import { articleText, highlightsOf, newLibrary, openSession } from './import-library.js';
import { buildQdpx, type FixtureProject } from './qdpx-fixtures.js';

const LI = '1f0e0000-0000-4000-8000-000000000001';
const CHEN = '1f0e0000-0000-4000-8000-000000000002';
const ECONOMY = 'c0de0000-0000-4000-8000-000000000001';
const GROWTH = 'c0de0000-0000-4000-8000-000000000002';
const JOBS = 'c0de0000-0000-4000-8000-000000000003';
const VOICES = 'c0de0000-0000-4000-8000-000000000004';

const CODES = [
  {
    guid: ECONOMY,
    name: '经济',
    color: '#E69F00',
    description: '经济议题',
    children: [
      { guid: GROWTH, name: '增长', color: '#56B4E9' },
      { guid: JOBS, name: '就业', color: '#009E73' },
    ],
  },
  { guid: VOICES, name: 'Voices', color: '#CC79A7' },
];
const USERS = [
  { guid: LI, name: '李老师' },
  { guid: CHEN, name: 'Chen Jing' },
];

const sel = (n: number) => `5e1e0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const file = (bytes: Uint8Array, fileName = 'project.qdpx') => ({ bytes, fileName });

describe('a QualCoder project (code points, one selection per code, annotations as notes)', () => {
  async function qualcoderProject() {
    const root = await newLibrary();
    const session = await openSession(root);
    const gov = await articleText(session, 'news/gov.html');
    const blog = await articleText(session, 'blog/quotes.md');
    const project: FixtureProject = {
      name: '毕业论文',
      users: USERS,
      codes: CODES,
      sources: [
        {
          guid: '50c0e000-0000-4000-8000-000000000001',
          name: 'gov.txt',
          text: gov.text,
          selections: [
            {
              guid: sel(1),
              quote: '城镇新增就业目标为1200万人以上',
              codes: [JOBS, GROWTH],
              user: LI,
              description: '就业目标',
            },
            {
              guid: sel(2),
              quote: '经济增长预期目标为5%左右',
              codes: [GROWTH],
              user: CHEN,
              note: 'Check the 2023 figure',
            },
            { guid: sel(3), quote: '新质生产力', codes: [ECONOMY], user: LI },
          ],
          memo: { user: LI, text: '这篇报告是核心材料。' },
        },
        {
          guid: '50c0e000-0000-4000-8000-000000000002',
          name: 'quotes.txt',
          text: blog.text,
          selections: [
            {
              guid: sel(4),
              quote: 'the numbers, they said, tell another story',
              codes: [VOICES],
              user: CHEN,
            },
          ],
        },
      ],
    };
    return { session, gov, blog, bytes: buildQdpx('qualcoder', project) };
  }

  it('places every selection on its article, with the codes as tags and each user as a coder', async () => {
    const { session, gov, blog, bytes } = await qualcoderProject();
    const report = await importProject(session, file(bytes), { dryRun: false });

    // QualCoder writes a selection per code (1 has two codes) and the note on 2 as a Note holding
    // the passage again: six selections in all.
    expect(report.placed).toBe(6);
    expect(report.approximate).toBe(0);
    expect(report.unplaced).toEqual([]);
    expect(report.newArticles).toEqual([]);
    expect(report.matchedArticles.map((m) => [m.articleId, m.exact])).toEqual([
      [gov.id, true],
      [blog.id, true],
    ]);
    expect(report.coders).toEqual(['Chen Jing', '李老师']);
    expect(report.codes.created).toEqual(['经济', '经济/增长', '经济/就业', 'Voices']);

    const onGov = await highlightsOf(session, gov.id);
    expect(onGov.map((h) => [h.quote, h.coder, h.tags, h.note])).toEqual([
      ['城镇新增就业目标为1200万人以上', '李老师', ['经济/增长', '经济/就业'], '就业目标'],
      ['经济增长预期目标为5%左右', 'Chen Jing', ['经济/增长'], 'Check the 2023 figure'],
      ['新质生产力', '李老师', ['经济'], ''],
    ]);
    // Imported work is the other coders', not mine: read-only here.
    expect(onGov.every((h) => !h.a.mine)).toBe(true);
    // Each sits exactly on its quote in the article's text.
    for (const h of onGov) expect(gov.text.slice(h.a.position.start, h.a.position.end)).toBe(h.quote);
    expect(await session.annotations.otherMemos(gov.id)).toEqual([
      { coderId: expect.any(String), coderName: '李老师', memo: '这篇报告是核心材料。' },
    ]);
    const tags = await session.annotations.listTags();
    expect(tags.find((t) => t.name === '经济')).toMatchObject({ color: '#E69F00', description: '经济议题' });

    const onBlog = await highlightsOf(session, blog.id);
    expect(onBlog.map((h) => [h.quote, h.coder, h.tags])).toEqual([
      ['the numbers, they said, tell another story', 'Chen Jing', ['Voices']],
    ]);
  });

  it('changes nothing when the same project is imported again', async () => {
    const { session, gov, bytes } = await qualcoderProject();
    await importProject(session, file(bytes), { dryRun: false });
    const before = await highlightsOf(session, gov.id);
    const again = await importProject(session, file(bytes), { dryRun: false });
    expect(again.highlightsWritten).toBe(0);
    expect(again.codes.created).toEqual([]);
    expect(again.codes.existing).toHaveLength(4);
    expect(again.placed).toBe(6);
    expect((await highlightsOf(session, gov.id)).map((h) => h.a)).toEqual(before.map((h) => h.a));
  });

  it('writes nothing in a dry run, and reports what a real import does', async () => {
    const { session, gov, bytes } = await qualcoderProject();
    const dry = await importProject(session, file(bytes), { dryRun: true });
    expect(await session.annotations.listTags()).toEqual([]);
    expect(await session.annotations.list(gov.id)).toEqual([]);
    const real = await importProject(session, file(bytes), { dryRun: false });
    expect({ ...dry, dryRun: false }).toEqual(real);
  });
});

describe('an NVivo project (UTF-16 units, CR LF as two, BOMs, Sources/)', () => {
  const TEXT = [
    '记者😀现场报道：𠀀字是扩展B区的第一个字。',
    '',
    '第二段🎉：市民表示，物价总体稳定，但房租上涨明显。',
    '',
    'Third paragraph 👍🏽 in English, with an emoji modifier.',
  ].join('\n');

  it('adds the source as a new article and places every selection after emoji and line breaks', async () => {
    const root = await newLibrary();
    const session = await openSession(root);
    const project: FixtureProject = {
      name: 'Supervisor/review',
      users: USERS,
      codes: CODES,
      sources: [
        {
          guid: '50c0e000-0000-4000-8000-0000000000aa',
          name: '访谈 01.docx',
          text: TEXT,
          variables: { 受访者: '市民甲', date: '2024-05-01' },
          selections: [
            { guid: sel(11), quote: '𠀀字是扩展B区的第一个字', codes: [VOICES], user: LI },
            {
              guid: sel(12),
              quote: '物价总体稳定，但房租上涨明显',
              codes: [ECONOMY],
              user: CHEN,
              note: '对比统计局数据',
            },
            { guid: sel(13), quote: 'with an emoji modifier', codes: [VOICES], user: CHEN },
          ],
        },
      ],
    };
    const report = await importProject(session, file(buildQdpx('nvivo', project)), { dryRun: false });
    expect(report.unplaced).toEqual([]);
    expect(report.placed).toBe(3);
    expect(report.conventions).toEqual([
      { source: '访谈 01.docx', convention: 'UTF-16 units, CR LF as two' },
    ]);
    // A name is made safe: the "/" of the project's name does not make a folder.
    expect(report.newArticles).toEqual(['imported/Supervisor_review/访谈 01.txt']);
    expect(report.variables).toEqual([
      { source: '访谈 01.docx', values: { 受访者: '市民甲', date: '2024-05-01' }, keptIn: 'front-matter' },
    ]);

    const written = await readFile(path.join(root, 'imported/Supervisor_review/访谈 01.txt'), 'utf8');
    expect(written).toContain('受访者: 市民甲');
    expect(written).not.toContain('\r');
    expect(written.charCodeAt(0)).not.toBe(0xfeff);

    // Reopened, the library finds the new article and the highlights sit on its text.
    await session.close();
    const reopened = await openSession(root);
    const { id, text } = await articleText(reopened, 'imported/Supervisor_review/访谈 01.txt');
    const highlights = await highlightsOf(reopened, id);
    expect(highlights.map((h) => [h.quote, h.coder, h.tags])).toEqual([
      ['𠀀字是扩展B区的第一个字', '李老师', ['Voices']],
      ['物价总体稳定，但房租上涨明显', 'Chen Jing', ['经济']],
      ['with an emoji modifier', 'Chen Jing', ['Voices']],
    ]);
    for (const h of highlights) expect(anchor(text, h.a).status).toBe('exact');
    expect(highlights[1]!.note).toBe('对比统计局数据');
    const article = await reopened.library.get(id);
    expect(article.meta.extra['受访者']).toBe('市民甲');
  });
});

describe('an ATLAS.ti project (CR LF written, a line break counted once, <name>.qde)', () => {
  it('places selections after paragraph breaks and reports a zero-length selection', async () => {
    const root = await newLibrary();
    const session = await openSession(root);
    const gov = await articleText(session, 'news/gov.html');
    const project: FixtureProject = {
      name: 'Atlas project',
      users: USERS,
      codes: CODES,
      sources: [
        {
          guid: '50c0e000-0000-4000-8000-0000000000bb',
          name: 'gov',
          text: gov.text,
          selections: [
            {
              guid: sel(21),
              quote: '加快发展新质生产力',
              codes: [GROWTH],
              user: LI,
              description: 'memo from ATLAS',
            },
            { guid: sel(22), quote: '今年城镇新增就业目标', codes: [JOBS], user: LI },
            { guid: sel(23), quote: '报告强调', codes: [JOBS], user: CHEN, zeroLength: true },
          ],
        },
      ],
    };
    const report = await importProject(session, file(buildQdpx('atlas', project)), { dryRun: false });
    expect(report.conventions).toEqual([{ source: 'gov', convention: 'code points, CR LF as one' }]);
    expect(report.placed).toBe(2);
    expect(report.unplaced).toEqual([
      { source: 'gov', quote: '', reason: 'empty-selection', storedForReview: false },
    ]);
    const highlights = await highlightsOf(session, gov.id);
    expect(highlights.map((h) => [h.quote, h.tags, h.note])).toEqual([
      ['今年城镇新增就业目标', ['经济/就业'], ''],
      ['加快发展新质生产力', ['经济/增长'], 'memo from ATLAS'],
    ]);
  });
});

describe("another tool's copy of an article", () => {
  it("matches it by its words whatever its spacing, and places selections on the article's words", async () => {
    const root = await newLibrary();
    const session = await openSession(root);
    const blog = await articleText(session, 'blog/quotes.md');
    // The tool's copy: one line break between paragraphs, indents, runs of spaces.
    const copy = blog.text.replace(/\n\n/g, '\n\u3000\u3000').replace(/, /g, ',   ');
    const project: FixtureProject = {
      name: 'Spacing',
      users: USERS,
      codes: CODES,
      sources: [
        {
          guid: '50c0e000-0000-4000-8000-0000000000dd',
          name: 'quotes',
          text: copy,
          selections: [
            {
              guid: sel(41),
              quote: 'with a comma,   and more.\n\u3000\u3000Critics',
              codes: [VOICES],
              user: CHEN,
            },
            { guid: sel(42), quote: 'they said,   tell', codes: [VOICES], user: LI },
          ],
        },
      ],
    };
    const report = await importProject(session, file(buildQdpx('nvivo', project)), { dryRun: false });
    expect(report.matchedArticles).toEqual([
      { source: 'quotes', articleId: blog.id, path: 'blog/quotes.md', exact: true },
    ]);
    expect(report.placed).toBe(2);
    const highlights = await highlightsOf(session, blog.id);
    expect(highlights.map((h) => h.quote)).toEqual(['with a comma, and more.\n\nCritics', 'they said, tell']);
    for (const h of highlights) expect(blog.text.slice(h.a.position.start, h.a.position.end)).toBe(h.quote);
  });

  it('places a selection whose words changed a little approximately, and says so', async () => {
    const root = await newLibrary();
    const session = await openSession(root);
    const gov = await articleText(session, 'news/gov.html');
    const copy = gov.text.replace('现代化产业体系建设', '现代化产业体系的建设');
    const project: FixtureProject = {
      name: 'Edited',
      users: USERS,
      codes: CODES,
      sources: [
        {
          guid: '50c0e000-0000-4000-8000-0000000000ee',
          name: 'gov-edited',
          text: copy,
          selections: [
            { guid: sel(51), quote: '要大力推进现代化产业体系的建设', codes: [ECONOMY], user: LI },
          ],
        },
      ],
    };
    const report = await importProject(session, file(buildQdpx('standard', project)), { dryRun: false });
    expect(report.placed).toBe(0);
    expect(report.approximate).toBe(1);
    expect(report.approximateSelections).toEqual([
      {
        source: 'gov-edited',
        quote: '要大力推进现代化产业体系的建设',
        placedText: expect.stringContaining('现代化产业体系建设'),
      },
    ]);
    const [h] = await highlightsOf(session, gov.id);
    expect(gov.text.slice(h!.a.position.start, h!.a.position.end)).toBe(h!.quote);
  });
});

describe('what cannot be placed', () => {
  it('is stored for review when its text is known, and listed in the report', async () => {
    const root = await newLibrary();
    const session = await openSession(root);
    const gov = await articleText(session, 'news/gov.html');
    // The other tool's copy has one sentence changed: the article still matches, closely.
    const changed = gov.text.replace('加快发展新质生产力', '推动传统产业转型升级并培育新兴产业');
    const project: FixtureProject = {
      name: 'Changed copy',
      users: USERS,
      codes: CODES,
      sources: [
        {
          guid: '50c0e000-0000-4000-8000-0000000000cc',
          name: 'gov-copy',
          text: changed,
          selections: [
            { guid: sel(31), quote: '国务院总理', codes: [VOICES], user: LI },
            { guid: sel(32), quote: '推动传统产业转型升级并培育新兴产业', codes: [ECONOMY], user: LI },
          ],
        },
      ],
    };
    const report = await importProject(session, file(buildQdpx('standard', project)), { dryRun: false });
    expect(report.matchedArticles).toEqual([
      { source: 'gov-copy', articleId: gov.id, path: 'news/gov.html', exact: false },
    ]);
    expect(report.placed).toBe(1);
    expect(report.unplaced).toEqual([
      {
        source: 'gov-copy',
        quote: '推动传统产业转型升级并培育新兴产业',
        reason: 'text-not-found',
        storedForReview: true,
      },
    ]);
    const highlights = await highlightsOf(session, gov.id);
    const orphan = highlights.find((h) => h.quote === '推动传统产业转型升级并培育新兴产业')!;
    expect(orphan.tags).toEqual(['经济']);
    // On the article it is an orphan: what the reader lists under "Needs review".
    expect(anchor(gov.text, orphan.a).status).toBe('orphan');
  });

  it('lists codes on whole sources and sources Gloss cannot hold, and reads inline text', async () => {
    const root = await newLibrary();
    const session = await openSession(root);
    const { zipSync, strToU8 } = await import('fflate');
    const xml =
      `<Project xmlns="urn:QDA-XML:project:1.0" name="Mixed" origin="MAXQDA 2024">` +
      `<Users><User guid="${LI}" name="李老师"/></Users>` +
      `<CodeBook><Codes><Code guid="${VOICES}" name="Voices" isCodable="true"/></Codes></CodeBook>` +
      `<Sources><TextSource guid="50c0e000-0000-4000-8000-0000000000ff" name="inline">` +
      `<PlainTextContent>访谈记录：受访者谈到物价。</PlainTextContent>` +
      `<PlainTextSelection guid="${sel(61)}" startPosition="7" endPosition="11" creatingUser="${LI}">` +
      `<Coding guid="${sel(62)}" creatingUser="${LI}"><CodeRef targetGUID="${VOICES}"/></Coding></PlainTextSelection>` +
      `<Coding guid="${sel(63)}" creatingUser="${LI}"><CodeRef targetGUID="${VOICES}"/></Coding></TextSource>` +
      `<PDFSource guid="50c0e000-0000-4000-8000-0000000000fe" name="scan.pdf" path="internal://x.pdf"/>` +
      `</Sources></Project>`;
    const bytes = zipSync({ 'project.qde': strToU8(xml) });
    const report = await importProject(session, file(bytes), { dryRun: false });
    expect(report.placed).toBe(1);
    expect(report.unplaced).toEqual([
      { source: 'inline', quote: 'Voices', reason: 'whole-source-coding', storedForReview: false },
    ]);
    expect(report.skippedSources).toEqual([{ source: 'scan.pdf', kind: 'PDFSource' }]);
    const written = await readFile(path.join(root, report.newArticles[0]!), 'utf8');
    expect(written).toContain('访谈记录：受访者谈到物价。');
  });

  it('refuses a project with a DOCTYPE (entity expansion) and writes nothing', async () => {
    const root = await newLibrary();
    const session = await openSession(root);
    const { zipSync, strToU8 } = await import('fflate');
    const xml =
      '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>' +
      '<Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>';
    const bytes = zipSync({ 'project.qde': strToU8(xml) });
    await expect(importProject(session, file(bytes), { dryRun: false })).rejects.toThrow(/DOCTYPE/);
    expect(await readdir(root)).not.toContain('imported');
  });
});
