/**
 * The small parts of the REFI-QDA export: name-based GUIDs (RFC 4122 version 5), text made safe
 * for XML 1.0, the codebook as nested codes, and the `.qdc` file valid against Codebook.xsd.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codesFromTags } from '../../../core/interop/codebook-codes.js';
import { codebookXml } from '../../../core/interop/codebook-xml.js';
import { refiGuid, uuidV5 } from '../../../core/interop/refi-guids.js';
import { escapeAttr, escapeText, xmlChars } from '../../../core/interop/xml-text.js';
import type { Tag } from '../../../core/model.js';
import { CODEBOOK_XSD, parseRefiXml, schemaErrors, xmllint, type XmlNode } from '../../support/refi-qda.js';
import { reportMissingTool } from '../../support/required-tool.js';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const tag = (id: string, name: string, parentId: string | null = null, extra: Partial<Tag> = {}): Tag => ({
  id,
  name,
  parentId,
  color: '#e69f00',
  description: '',
  ...extra,
});

describe('REFI-QDA GUIDs', () => {
  it('are RFC 4122 name-based UUIDs (the RFC’s DNS example gives its published value)', () => {
    const dns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(uuidV5(dns, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('are the same for the same object, and differ between objects and kinds', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(refiGuid('code', a)).toMatch(UUID_V5);
        expect(refiGuid('code', a)).toBe(refiGuid('code', a));
        expect(refiGuid('code', a)).not.toBe(refiGuid('source', a));
        if (a !== b) expect(refiGuid('user', a)).not.toBe(refiGuid('user', b));
        if (b) expect(refiGuid('coding', a, b)).not.toBe(refiGuid('coding', a + b, ''));
      }),
    );
  });
});

describe('XML-safe text', () => {
  it('drops what XML 1.0 forbids and keeps CR, LF and tab as references where readers would change them', () => {
    expect(xmlChars('a\u0000b\u0001c\u000Bd\uFFFEe\uD800f𠀀😀\t\n\r')).toBe('abcdef𠀀😀\t\n\r');
    expect(escapeText('x\r\ny\tz & <a> "q"')).toBe('x&#xD;\ny\tz &amp; &lt;a&gt; "q"');
    expect(escapeAttr('x\r\ny\tz & <a> "q"')).toBe('x&#xD;&#xA;y&#x9;z &amp; &lt;a&gt; &quot;q&quot;');
  });
});

describe('codebook as codes', () => {
  it('nests the codes as the tags are nested, keeps only #RRGGBB colours, and keeps tags in a cycle', () => {
    const codes = codesFromTags([
      tag('a', 'A'),
      tag('b', 'B', 'a', { color: 'red' }),
      tag('c', 'C', 'gone'),
      tag('x', 'X', 'y'),
      tag('y', 'Y', 'x'),
    ]);
    const outline = (list: typeof codes): unknown[] =>
      list.map((c) => (c.children.length ? [c.name, outline(c.children)] : c.name));
    expect(outline(codes)).toEqual([['A', ['B']], 'C', ['X', ['Y']]]);
    expect(codes[0]!.color).toBe('#E69F00');
    expect(codes[0]!.children[0]!.color).toBeUndefined();
    expect(codes[0]!.guid).toBe(refiGuid('code', 'a'));
  });

  it('refuses a .qdc of an empty codebook, which Codebook.xsd cannot hold', () => {
    expect(() => codebookXml([], 'Gloss')).toThrow(/empty/);
  });
});

describe('.qdc', () => {
  reportMissingTool(xmllint);

  it.skipIf(!xmllint.available)('is valid for any codebook, with names and descriptions as written', () => {
    const name = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });
    const tags = fc.uniqueArray(
      fc.record({ name, description: fc.string({ unit: 'binary', maxLength: 20 }), parent: fc.nat() }),
      { minLength: 1, maxLength: 8, selector: (t) => t.name },
    );
    fc.assert(
      fc.property(tags, (specs) => {
        const list = specs.map((s, i) =>
          tag(`t${i}`, s.name, i > 0 && s.parent % 2 ? `t${s.parent % i}` : null, {
            description: s.description,
          }),
        );
        const xml = codebookXml(codesFromTags(list), 'Gloss 1 & <2>');
        expect(schemaErrors(xml, CODEBOOK_XSD)).toBe('');
        const read: XmlNode[] = [];
        const walk = (codes: XmlNode[] = []) => codes.forEach((c) => (read.push(c), walk(c.Code)));
        walk(parseRefiXml(xml).CodeBook.Codes.Code);
        expect(read.map((c) => [c['@name'], c.Description?.['#text'] ?? ''])).toEqual(
          expect.arrayContaining(list.map((t) => [xmlChars(t.name), xmlChars(t.description)])),
        );
        expect(read).toHaveLength(list.length);
      }),
      { numRuns: 25 },
    );
  });
});
