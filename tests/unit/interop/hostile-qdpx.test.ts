// Projects as hostile input: ZIP bombs, odd names, XML tricks. Each is refused with a clear message
// or imported safely; nothing is written outside the library.
import { strToU8, zipSync } from 'fflate';
import { mkdir, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importProject } from '../../../core/interop/import/import-project.js';
import { readQdpx } from '../../../core/interop/import/read-qdpx.js';
import { decodeXmlEntities, parseXml } from '../../../core/interop/import/parse-xml.js';
import { safeFileName } from '../../../core/interop/import/new-article-file.js';
import { newLibrary, openSession, tempDir } from './import-library.js';
import { buildQdpx } from './qdpx-fixtures.js';

const file = (bytes: Uint8Array) => ({ bytes, fileName: 'x.qdpx' });

describe('hostile projects', () => {
  it('refuses what is not a project, with a message that says so', async () => {
    expect(() => readQdpx(strToU8('hello'))).toThrow(/ZIP archive/);
    expect(() => readQdpx(zipSync({ 'readme.txt': strToU8('x') }))).toThrow(/no project XML/);
    expect(() => readQdpx(strToU8('PK\u0003\u0004broken'))).toThrow(/not a readable ZIP/);
  });

  it('refuses a ZIP whose entries declare more than it may unpack, before inflating them', () => {
    const files: Record<string, Uint8Array> = { 'project.qde': strToU8('<Project name="x"/>') };
    for (let i = 0; i < 8; i++) files[`sources/${i}.txt`] = strToU8('small');
    const bytes = zipSync(files);
    // Each text entry declares 150 MB (as a bomb's would): 1.2 GB in all.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at + 46 <= bytes.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue; // a central directory entry
      const nameLength = view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (name.endsWith('.txt')) view.setUint32(at + 24, 150 * 1024 * 1024, true);
    }
    expect(() => readQdpx(bytes)).toThrow(/unpacks to more/);
  });

  it('decodes only XML entities and character references, and never a DOCTYPE', () => {
    expect(decodeXmlEntities('&lt;&amp;&#x1F600;&#13;&#0;&nbsp;')).toBe('<&😀\r&#0;&nbsp;');
    expect(() => parseXml('<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>', 'It')).toThrow(/DOCTYPE/);
    const doc = parseXml('<a><b>x<![CDATA[<i>&amp;</i>]]>y</b></a>', 'It');
    expect(doc.a).toEqual([{ b: [{ '#text': 'x<i>&amp;</i>y' }] }]);
  });

  it('makes names from the project safe file names inside the library', async () => {
    expect(safeFileName('../../etc/passwd', 'f')).toBe('_.._etc_passwd');
    expect(safeFileName('CON', 'f')).toBe('_CON');
    expect(safeFileName('...', 'f')).toBe('f');
    expect(safeFileName('a'.repeat(300), 'f')).toHaveLength(80);

    const root = await newLibrary();
    const session = await openSession(root);
    const bytes = buildQdpx('standard', {
      name: '../outside',
      users: [],
      codes: [],
      sources: [
        {
          guid: '50c0e000-0000-4000-8000-000000000001',
          name: '../../evil',
          text: '正文内容。',
          selections: [],
        },
      ],
    });
    const report = await importProject(session, file(bytes), { dryRun: false });
    expect(report.newArticles).toEqual(['imported/_outside/_.._evil.txt']);
    expect(await readdir(path.dirname(root))).toEqual(['library']);
  });

  it('keeps a source that quotes markup as text, every tag of it highlightable', async () => {
    const root = await newLibrary();
    const session = await openSession(root);
    const text = '模板这样写：\n\n<div class="x"><img v-for="i in list" src=a></div>\n\n& 完。';
    const bytes = buildQdpx('qualcoder', {
      name: 'Markup',
      users: [{ guid: '1f0e0000-0000-4000-8000-000000000001', name: 'Ann' }],
      codes: [{ guid: 'c0de0000-0000-4000-8000-000000000001', name: 'Code' }],
      sources: [
        {
          guid: '50c0e000-0000-4000-8000-000000000001',
          name: 'markup',
          text,
          selections: [
            {
              guid: '5e1e0000-0000-4000-8000-000000000001',
              quote: '<img v-for="i in list" src=a>',
              codes: ['c0de0000-0000-4000-8000-000000000001'],
              user: '1f0e0000-0000-4000-8000-000000000001',
            },
          ],
        },
      ],
    });
    const report = await importProject(session, file(bytes), { dryRun: false });
    expect(report.newArticles).toEqual(['imported/Markup/markup.html']);
    expect(report.placed).toBe(1);
    await session.close();
    const reopened = await openSession(root);
    const id = reopened.library.idForPath('imported/Markup/markup.html');
    expect((await reopened.library.getText(id)).text).toBe(text);
    const [h] = await reopened.annotations.list(id);
    expect(h!.quote.exact).toBe('<img v-for="i in list" src=a>');
  });

  it('writes nothing through an imported/ folder that links outside the library', async () => {
    const root = await newLibrary();
    const outside = await tempDir();
    await mkdir(path.join(outside, 'P'), { recursive: true });
    await symlink(outside, path.join(root, 'imported'));
    const session = await openSession(root);
    const bytes = buildQdpx('standard', {
      name: 'P',
      users: [],
      codes: [],
      sources: [
        { guid: '50c0e000-0000-4000-8000-000000000001', name: 's', text: '正文内容。', selections: [] },
      ],
    });
    await expect(importProject(session, file(bytes), { dryRun: false })).rejects.toThrow(
      /outside the library/,
    );
    expect(await readdir(path.join(outside, 'P'))).toEqual([]);
  });
});
