/**
 * Property: for random libraries (Chinese, emoji, astral CJK such as 𠀀, XML-special characters,
 * control characters XML 1.0 forbids, CRLF in notes and memos), the `.qdpx` export is valid against
 * Project.xsd, each source file is the article's canonical text (UTF-8, no BOM, no CR), each
 * selection's code-point range cuts exactly the highlighted text out of it, notes, memos and tag
 * names come back as written less only the forbidden characters, and a second export has the same
 * GUIDs.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../core/anchor/describe-range.js';
import type { Tag } from '../../../core/model.js';
import { collectExport } from '../../../core/export/export-run.js';
import { startExport } from '../../../core/export/run-export.js';
import { xmlChars } from '../../../core/interop/xml-text.js';
import {
  PROJECT_XSD,
  parseRefiXml,
  schemaErrors,
  sliceCodePoints,
  unzipQdpx,
  xmllint,
  type XmlNode,
} from '../../support/refi-qda.js';
import { reportMissingTool } from '../../support/required-tool.js';
import { sessionFor, tempDir, type TestSession } from '../export/test-library.js';

/** Characters that stress positions and escaping. */
const PIECES = [
  '中',
  '文',
  '𠀀',
  '😀',
  '👩‍💻',
  'a',
  'Z',
  ' ',
  '&',
  '<',
  '>',
  '"',
  "'",
  ']]>',
  '\u0001',
  '\u000B',
  '\uFFFE',
  '\uFEFF',
  '，',
  '。',
];
const textOf = (min: number, max: number, extra: string[] = []) =>
  fc.array(fc.constantFrom(...PIECES, ...extra), { minLength: min, maxLength: max }).map((a) => a.join(''));

const article = fc.record({
  title: textOf(1, 12),
  paragraphs: fc.array(textOf(5, 60), { minLength: 1, maxLength: 3 }),
  memo: textOf(0, 20, ['\r\n', '\n', '\r']),
  highlights: fc.array(
    fc.record({
      from: fc.nat(),
      length: fc.integer({ min: 1, max: 30 }),
      note: textOf(0, 20, ['\r\n', '\n', '\t']),
      tags: fc.array(fc.nat(), { maxLength: 2 }),
    }),
    { maxLength: 5 },
  ),
});
const library = fc.record({
  tagNames: fc.array(textOf(1, 8), { minLength: 1, maxLength: 3 }),
  articles: fc.array(article, { minLength: 1, maxLength: 3 }),
});
type Library = typeof library extends fc.Arbitrary<infer T> ? T : never;

/** Writes the articles as front-matter `.txt` files, opens them and codes them; returns what was made. */
async function build(spec: Library): Promise<{ session: TestSession; expected: Map<string, string[]> }> {
  const root = path.join(await tempDir(), 'library');
  await mkdir(root, { recursive: true });
  for (const [i, a] of spec.articles.entries()) {
    // JSON strings are YAML double-quoted strings, control characters escaped. The number keeps
    // two articles with the same text and title apart.
    const head = `---\nid: a${i}\ntitle: ${JSON.stringify(`${i} ${a.title}`)}\n---\n`;
    await writeFile(path.join(root, `a${i}.txt`), `${head}\n${a.paragraphs.join('\n\n')}\n`);
  }
  const session = await sessionFor(root, '测试 coder');
  const tags: Tag[] = [];
  // Numbered: names that differ only in spacing or invisible characters are the same tag to Gloss.
  for (const [i, name] of spec.tagNames.entries())
    tags.push(await session.annotations.createTag({ name: `t${i} ${name}` }));
  const expected = new Map<string, string[]>(); // article id → exact quotes, with notes
  for (const [i, a] of spec.articles.entries()) {
    const id = `a${i}`;
    const text = (await session.library.get(id)).doc.text;
    const points = [...text];
    const quotes: string[] = [];
    for (const h of a.highlights) {
      if (points.length < 2) break;
      const start = h.from % (points.length - 1);
      const end = Math.min(points.length, start + h.length);
      const quote = points.slice(start, end).join('');
      if (!quote.trim()) continue;
      const from16 = points.slice(0, start).join('').length;
      await session.annotations.create({
        articleId: id,
        ...describeRange(text, { start: from16, end: from16 + quote.length }),
        tagIds: [...new Set(h.tags.map((t) => tags[t % tags.length]!.id))],
        note: h.note,
      });
      quotes.push(quote);
    }
    if (a.memo.trim()) await session.annotations.setMemo(id, a.memo);
    expected.set(id, quotes);
  }
  return { session, expected };
}

async function exportProject(session: TestSession) {
  const { content } = await collectExport((await startExport(session, { format: 'qdpx' })).chunks);
  const files = unzipQdpx(Buffer.from(content, 'base64'));
  const xml = Buffer.from(files.get('project.qde')!).toString('utf8');
  return { files, xml };
}

describe('qdpx export of random libraries', () => {
  reportMissingTool(xmllint);

  it.skipIf(!xmllint.available)(
    'is valid, places every selection on its quote in code points, and keeps its GUIDs',
    async () => {
      await fc.assert(
        fc.asyncProperty(library, async (spec) => {
          const { session, expected } = await build(spec);
          const { files, xml } = await exportProject(session);
          expect(schemaErrors(xml, PROJECT_XSD)).toBe('');
          const project = parseRefiXml(xml).Project as XmlNode;

          const codeNames: string[] = [];
          const walk = (codes: XmlNode[] = []) =>
            codes.forEach((c) => (codeNames.push(c['@name']), walk(c.Code)));
          walk(project.CodeBook?.Codes.Code);
          expect(codeNames.sort()).toEqual(
            (await session.annotations.listTags()).map((t) => xmlChars(t.name)).sort(),
          );

          const notes = new Map<string, string>(
            ((project.Notes?.Note ?? []) as XmlNode[]).map((n) => [n['@guid'], n.PlainTextContent['#text']]),
          );
          const sources = (project.Sources?.TextSource ?? []) as XmlNode[];
          for (const source of sources) {
            const bytes = files.get(`sources/${source['@guid']}.txt`)!;
            const text = Buffer.from(bytes).toString('utf8');
            expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]); // no BOM
            expect(text).not.toContain('\r');
            let id = '';
            for (const k of expected.keys()) {
              const { text: canonical, meta } = await session.library.getText(k);
              if (canonical === text && source['@name'] === xmlChars(meta.title || `a${k}.txt`)) id = k;
            }
            expect(id, 'the source is an article: its canonical text and its title').not.toBe('');

            const selections = (source.PlainTextSelection ?? []) as XmlNode[];
            const cut = selections.map((s) =>
              sliceCodePoints(text, Number(s['@startPosition']), Number(s['@endPosition'])),
            );
            expect([...cut].sort()).toEqual([...expected.get(id)!].sort());
            for (const [k, s] of selections.entries()) {
              const name: string = s['@name'];
              expect(xmlChars(cut[k]!).startsWith(name.replace(/…$/, ''))).toBe(true);
              const description: string = s.Description?.['#text'] ?? '';
              if (s.NoteRef) expect(notes.get(s.NoteRef[0]['@targetGUID'])).toBe(description);
              expect(description).toBe(xmlChars(description));
            }
            // The memo as written less the forbidden characters; one of nothing else is no note.
            const memo = spec.articles[Number(id.slice(1))]!.memo;
            const memoText = memo.trim() ? xmlChars(memo) : '';
            if (memoText) expect(notes.get(source.NoteRef?.[0]['@targetGUID'])).toBe(memoText);
            else expect(source.NoteRef).toBeUndefined();
          }
          // Every note as written (CRLF kept), less the forbidden characters.
          const written = spec.articles.flatMap((a) =>
            a.highlights.map((h) => xmlChars(h.note)).filter(Boolean),
          );
          for (const d of sources.flatMap((s) => (s.PlainTextSelection ?? []) as XmlNode[])) {
            if (d.Description) expect(written).toContain(d.Description['#text']);
          }

          const again = await exportProject(session);
          const guids = (x: string) =>
            [...x.matchAll(/(?:guid|GUID|creatingUser)="([^"]+)"/g)].map((m) => m[1]);
          expect(guids(again.xml)).toEqual(guids(xml));
          await session.close();
        }),
        // QDPX_RUNS=200 QDPX_SEED=42 reruns it longer or replays a failure's seed.
        {
          numRuns: Number(process.env.QDPX_RUNS ?? 12),
          seed: process.env.QDPX_SEED ? Number(process.env.QDPX_SEED) : undefined,
        },
      );
    },
    180_000,
  );
});
