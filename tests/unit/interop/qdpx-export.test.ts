/**
 * The REFI-QDA project export (`.qdpx`) of a coded library: valid against Project.xsd, the
 * articles' canonical texts as `sources/<guid>.txt`, selections in code points that cut the quote
 * out of that text, codings, notes (as Notes and Descriptions), memos, users, variables and sets,
 * with GUIDs that do not change from one export to the next.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectExport } from '../../../core/export/export-run.js';
import { planExport } from '../../../core/export/export-scope.js';
import { startExport } from '../../../core/export/run-export.js';
import { qdpxExport } from '../../../core/interop/refi-export.js';
import { openLibrary } from '../../../core/library/library.js';
import { writerIdentity, type WriterIdentity } from '../../../core/settings/coder-identity.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { reportMissingTool } from '../../support/required-tool.js';
import {
  PROJECT_XSD,
  parseRefiXml,
  schemaErrors,
  sliceCodePoints,
  unzipQdpx,
  xmllint,
  type XmlNode,
} from '../../support/refi-qda.js';
import { BLOG, copyLibrary, GOV, highlight, newSession, type TestSession } from '../export/test-library.js';

async function qdpxBytes(session: TestSession, about = {}): Promise<Uint8Array> {
  const { content, encoding } = await collectExport(
    (await startExport(session, { format: 'qdpx' }, { libraryName: '我的库', version: '1.2.3', ...about }))
      .chunks,
  );
  expect(encoding).toBe('base64');
  return Buffer.from(content, 'base64');
}

function readProject(bytes: Uint8Array) {
  const files = unzipQdpx(bytes);
  const xml = Buffer.from(files.get('project.qde')!).toString('utf8');
  const text = (guid: string) => Buffer.from(files.get(`sources/${guid}.txt`)!).toString('utf8');
  return { files, xml, project: parseRefiXml(xml).Project as XmlNode, text };
}

async function codedLibrary(): Promise<TestSession> {
  const session = await newSession('王研究员');
  const topic = await session.annotations.createTag({ name: '经济', description: '经济 & <增长>' });
  const growth = await session.annotations.createTag({ name: '增长', parentId: topic.id, color: '#0072b2' });
  const policy = await session.annotations.createTag({ name: 'Policy, "quoted"' });
  await highlight(session, GOV, '国内生产总值增长5%左右', {
    tagIds: [growth.id, policy.id],
    note: '第一行\r\n第二行 & <b>',
  });
  await highlight(session, GOV, '电🚀 国务院', { tagIds: [topic.id] });
  await highlight(session, BLOG, 'The second one', { tagIds: [policy.id] });
  await session.annotations.setMemo(GOV, '文章备忘 memo');
  return session;
}

describe('qdpx export', () => {
  reportMissingTool(xmllint);

  it.skipIf(!xmllint.available)(
    'writes a project that Project.xsd accepts, with every part in place',
    async () => {
      const session = await codedLibrary();
      const { files, xml, project, text } = readProject(await qdpxBytes(session));
      expect(schemaErrors(xml, PROJECT_XSD)).toBe('');
      expect(project['@name']).toBe('我的库');
      expect(project['@origin']).toBe('Gloss 1.2.3');

      const users = project.Users.User as XmlNode[];
      expect(users.map((u) => u['@name'])).toEqual(['王研究员']);
      const me = users[0]!['@guid'];

      const [economy, policy] = project.CodeBook.Codes.Code as XmlNode[];
      expect(economy).toMatchObject({ '@name': '经济', '@isCodable': 'true' });
      expect(economy!.Description['#text']).toBe('经济 & <增长>');
      expect(economy!.Code[0]).toMatchObject({ '@name': '增长', '@color': '#0072B2' });
      expect(policy!['@name']).toBe('Policy, "quoted"');

      const sources = project.Sources.TextSource as XmlNode[];
      expect(sources.map((s) => s['@name']).sort()).toEqual([
        'Quotes, commas "and" more',
        '政府工作报告要点',
      ]);
      for (const source of sources) {
        const guid = source['@guid'];
        expect(source['@plainTextPath']).toBe(`internal://${guid}.txt`);
        expect(files.has(`sources/${guid}.txt`)).toBe(true);
        const body = files.get(`sources/${guid}.txt`)!;
        expect([...body.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
        expect(text(guid)).not.toContain('\r');
      }
      const gov = sources.find((s) => s['@name'] === '政府工作报告要点')!;
      const govText = text(gov['@guid']);
      const selections = gov.PlainTextSelection as XmlNode[];
      expect(selections.map((s) => s['@name'])).toEqual(['电🚀 国务院', '国内生产总值增长5%左右']);
      for (const s of selections) {
        expect(sliceCodePoints(govText, Number(s['@startPosition']), Number(s['@endPosition']))).toBe(
          s['@name'],
        );
        expect(s['@creatingUser']).toBe(me);
      }
      // 🚀 is one code point (two UTF-16 units): the second selection starts one earlier than in UTF-16.
      expect(Number(selections[1]!['@startPosition'])).toBe(govText.indexOf('国内生产总值') - 1);

      const coded = selections[1]!;
      expect((coded.Coding as XmlNode[]).map((c) => c.CodeRef['@targetGUID'])).toEqual([
        economy!.Code[0]['@guid'],
        policy!['@guid'],
      ]);
      expect((coded.Coding as XmlNode[]).every((c) => c['@creatingUser'] === me)).toBe(true);
      expect(coded.Description['#text']).toBe('第一行\r\n第二行 & <b>');
      const notes = project.Notes.Note as XmlNode[];
      const note = notes.find((n) => n['@guid'] === coded.NoteRef[0]['@targetGUID'])!;
      expect(note.PlainTextContent['#text']).toBe('第一行\r\n第二行 & <b>');
      expect(note['@creatingUser']).toBe(me);
      const memo = notes.find((n) => n['@guid'] === gov.NoteRef[0]['@targetGUID'])!;
      expect(memo.PlainTextContent['#text']).toBe('文章备忘 memo');

      const variables = new Map(
        (project.Variables.Variable as XmlNode[]).map((v) => [v['@guid'], v] as [string, XmlNode]),
      );
      const values = Object.fromEntries(
        (gov.VariableValue as XmlNode[]).map((v) => {
          const variable = variables.get(v.VariableRef['@targetGUID'])!;
          const [element, value] = Object.entries(v).find(([k]) => k.endsWith('Value'))!;
          return [
            variable['@name'],
            `${variable['@typeOfVariable']}/${element}:${(value as XmlNode)['#text']}`,
          ];
        }),
      );
      expect(values).toMatchObject({
        author: 'Text/TextValue:新华社',
        categories: 'Text/TextValue:经济; 政策',
        url: 'Text/TextValue:https://example.com/news/gov-report',
        source_site: 'Text/TextValue:新华网',
        priority: 'Integer/IntegerValue:3',
      });
      expect(values.date).toMatch(/^DateTime\/DateTimeValue:2024-03-05T/);
    },
  );

  it.skipIf(!xmllint.available)(
    'lists every coder as a user, each selection, coding and memo as its coder’s',
    async () => {
      const root = await copyLibrary();
      const dataDir = path.join(root, '.gloss');
      const library = await openLibrary(root, { cacheDir: path.join(dataDir, 'cache'), watch: false });
      const code = async (who: WriterIdentity, quote: string, memo: string) => {
        const annotations = await openAnnotationService(dataDir, {
          writer: () => who,
          writerFolders: true,
          watch: false,
        });
        const session = { library, annotations };
        const tag = (await annotations.listTags())[0] ?? (await annotations.createTag({ name: '共同' }));
        await highlight(session, GOV, quote, { tagIds: [tag.id] });
        await annotations.setMemo(GOV, memo);
        return session;
      };
      try {
        await (await code(writerIdentity('Ana', 'aaaa0001'), '国务院总理', 'Ana memo')).annotations.close();
        const bo = await code(writerIdentity('Bo Chen', 'bbbb0002'), '城镇新增就业', 'Bo 的备忘');
        const { content } = await collectExport((await startExport(bo, { format: 'qdpx' })).chunks);
        await bo.annotations.close();
        const { xml, project } = readProject(Buffer.from(content, 'base64'));
        expect(schemaErrors(xml, PROJECT_XSD)).toBe('');
        const users = new Map((project.Users.User as XmlNode[]).map((u) => [u['@name'], u['@guid']]));
        expect([...users.keys()].sort()).toEqual(['Ana', 'Bo Chen']);
        const gov = project.Sources.TextSource[0] as XmlNode;
        const byQuote = new Map((gov.PlainTextSelection as XmlNode[]).map((s) => [s['@name'], s]));
        expect(byQuote.get('国务院总理')!['@creatingUser']).toBe(users.get('Ana'));
        expect(byQuote.get('国务院总理')!.Coding[0]['@creatingUser']).toBe(users.get('Ana'));
        expect(byQuote.get('城镇新增就业')!['@creatingUser']).toBe(users.get('Bo Chen'));
        const notes = new Map((project.Notes.Note as XmlNode[]).map((n) => [n['@guid'], n]));
        const memos = (gov.NoteRef as XmlNode[]).map((r) => notes.get(r['@targetGUID'])!);
        expect(memos.map((m) => [m.PlainTextContent['#text'], m['@creatingUser']]).sort()).toEqual(
          [
            ['Ana memo', users.get('Ana')],
            ['Bo 的备忘', users.get('Bo Chen')],
          ].sort(),
        );
      } finally {
        await library.close();
      }
    },
  );

  it('gives every object the same GUID in a second export', async () => {
    const session = await codedLibrary();
    const guids = (xml: string) =>
      [...xml.matchAll(/(?:guid|GUID|creatingUser)="([^"]+)"/g)].map((m) => m[1]);
    const first = readProject(await qdpxBytes(session, { now: new Date('2024-01-01T00:00:00Z') }));
    const second = readProject(await qdpxBytes(session, { now: new Date('2025-06-01T00:00:00Z') }));
    expect(guids(first.xml).length).toBeGreaterThan(10);
    expect(guids(second.xml)).toEqual(guids(first.xml));
    expect([...second.files.keys()].sort()).toEqual([...first.files.keys()].sort());
  });

  it.skipIf(!xmllint.available)('exports saved sets with the sources in the export as members', async () => {
    const session = await codedLibrary();
    const plan = await planExport(session, { kind: 'library' });
    const run = qdpxExport(session, plan, {
      name: 'sets',
      sets: [
        { name: '样本 A', articleIds: [GOV, 'not-in-this-export'] },
        { name: 'Empty & "odd"', articleIds: [], description: 'nothing yet' },
      ],
    });
    const { content } = await collectExport(run.chunks);
    const { xml, project } = readProject(Buffer.from(content, 'base64'));
    expect(schemaErrors(xml, PROJECT_XSD)).toBe('');
    const gov = (project.Sources.TextSource as XmlNode[]).find((s) => s['@name'] === '政府工作报告要点')!;
    const [a, empty] = project.Sets.Set as XmlNode[];
    expect(a!['@name']).toBe('样本 A');
    expect(a!.MemberSource.map((m: XmlNode) => m['@targetGUID'])).toEqual([gov['@guid']]);
    expect(empty).toMatchObject({ '@name': 'Empty & "odd"', Description: { '#text': 'nothing yet' } });
    expect(empty!.MemberSource).toBeUndefined();
  });

  it.skipIf(!xmllint.available)(
    'writes a valid project for a library without any highlight or tag',
    async () => {
      const session = await newSession();
      const { xml, project } = readProject(await qdpxBytes(session));
      expect(schemaErrors(xml, PROJECT_XSD)).toBe('');
      expect(project.Sources).toBeUndefined();
      expect(project.CodeBook).toBeUndefined();
    },
  );
});
