// Codebook CSV: what a researcher exports, edits in Excel and imports must come back the same.
import { describe, expect, it } from 'vitest';
import { exportCodebookCsv, importCodebookCsv } from '../../../core/store/codebook-csv.js';
import { createTag } from '../../../core/store/codebook.js';
import { emptyCodebook } from '../../../core/store/store-schema.js';

function sampleBook() {
  const book = emptyCodebook();
  let n = 0;
  const id = () => `t${n++}`;
  const root = createTag(
    book,
    { name: '政治', description: '国家层面的"政治"议题，含外交', color: '#0072B2' },
    id(),
  );
  const child = createTag(
    book,
    { name: '两会, 人大', parentId: root.id, description: '第一行\n第二行' },
    id(),
  );
  createTag(book, { name: '=SUM(A1)', parentId: child.id, description: '+看起来像公式' }, id());
  createTag(book, { name: '-负面', description: '' }, id());
  createTag(book, { name: 'Economy "quoted"', description: 'commas, "quotes"\r\nand CRLF' }, id());
  return book;
}

describe('codebook CSV', () => {
  it('round-trips Chinese, commas, quotes, newlines and formula-like names', () => {
    const book = sampleBook();
    const csv = exportCodebookCsv(book);
    const imported = emptyCodebook();
    const result = importCodebookCsv(imported, csv);
    expect(result).toEqual({ created: 5, updated: 0, skipped: [] });
    expect(exportCodebookCsv(imported)).toBe(csv);
    const strip = (b: typeof book) =>
      b.tags.map(({ name, color, description }) => ({ name, color, description }));
    expect(strip(imported).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      strip(book).sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('is written for Excel: BOM, CRLF rows, formulas neutralised', () => {
    const csv = exportCodebookCsv(sampleBook());
    expect(csv.startsWith('\uFEFFpath,parent,description,colour\r\n')).toBe(true);
    // A cell Excel would run as a formula gets a leading apostrophe; the import removes it again.
    expect(csv).toContain("\r\n'-负面,,,");
    expect(csv).toContain(",'+看起来像公式,");
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
    expect(csv).toContain('"第一行\n第二行"');
  });

  it('imports a hand-written sheet with name + parent columns, updating existing tags', () => {
    const book = sampleBook();
    const csv = [
      'name,parent,description,color',
      '增长,经济,经济增长相关,#e69f00',
      '政治,,新的说明,',
      '坏颜色,,,red',
      ',,,',
    ].join('\n');
    const result = importCodebookCsv(book, csv);
    expect(result.created).toBe(2); // 经济 (the missing parent) and 增长
    expect(result.updated).toBe(1);
    expect(result.skipped).toEqual(['row 3: "red" is not a colour like #E69F00']);
    const byName = new Map(book.tags.map((t) => [t.name, t]));
    expect(byName.get('增长')).toMatchObject({ parentId: byName.get('经济')!.id, color: '#E69F00' });
    expect(byName.get('政治')!.description).toBe('新的说明');
  });
});

describe('a codebook CSV that does not parse', () => {
  it('is reported by line, without quoting the file', () => {
    let message = '';
    try {
      importCodebookCsv(emptyCodebook(), 'name,color\n"Economy"SECRET,#E69F00\n');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe('The codebook CSV could not be read: it is not valid CSV near line 2.');
  });
});
