/**
 * The file readers under random and pathological input: random bytes, random and truncated front
 * matter, mixed encodings, deep nesting, huge single lines. Nothing throws past the boundary
 * (parseArticleBytes, then buildArticle as loadArticle runs it); every file yields an article,
 * with a warning when something was wrong; big pathological files finish in bounded time.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../../core/clean/clean-article.js';
import { decodeBytes } from '../../../core/library/decode-bytes.js';
import { buildArticle } from '../../../core/library/load-article.js';
import { parseFrontMatter } from '../../../core/library/parse-front-matter.js';
import { parseArticleBytes, type ParsedArticle } from '../../../core/library/read-article.js';

const SOAK = process.env.GLOSS_SOAK === '1';
const RUNS = SOAK ? 2000 : 150;
const EXTENSIONS = ['a.txt', 'a.md', 'a.markdown', 'a.html', 'a.htm'];

/** The reading path as the library runs it; throws only if Gloss has a bug. */
function readAndOpen(bytes: Uint8Array, relPath: string): { parsed: ParsedArticle; html: string } {
  const parsed = parseArticleBytes(bytes, { relPath, size: bytes.length, mtimeMs: 0 });
  expect(typeof parsed.summary.title).toBe('string');
  expect(typeof parsed.summary.id).toBe('string');
  for (const w of parsed.summary.warnings) expect(w.message.length).toBeGreaterThan(0);
  const article = buildArticle(parsed);
  expect(typeof article.doc.text).toBe('string');
  return { parsed, html: article.doc.html };
}

const frontMatterText = fc
  .record({
    keys: fc.array(
      fc.tuple(
        fc.constantFrom(
          'title',
          'date',
          'author',
          'categories',
          'tags',
          'url',
          'id',
          'image',
          'x',
          '<b>',
          '',
        ),
        fc.oneof(
          fc.string(),
          fc.constantFrom('[', '{', '"', "'", '|', '>', '- a', '!!js/function', '&a *a', '2024-13-45'),
        ),
      ),
      { maxLength: 6 },
    ),
    close: fc.boolean(),
    body: fc.string(),
  })
  .map(
    ({ keys, close, body }) =>
      `---\n${keys.map(([k, v]) => `${k}: ${v}`).join('\n')}\n${close ? '---\n' : ''}${body}`,
  );

describe('parsers under random input', () => {
  it('random bytes in any file type: an article or a warning, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...EXTENSIONS), (bytes, name) => {
        const { parsed } = readAndOpen(bytes, name);
        if (bytes.length === 0) expect(parsed.summary.warnings.map((w) => w.code)).toContain('empty');
      }),
      { numRuns: RUNS },
    );
  });

  it('random and truncated front matter', () => {
    fc.assert(
      fc.property(frontMatterText, fc.nat(), fc.constantFrom(...EXTENSIONS), (text, cut, name) => {
        const fm = parseFrontMatter(text);
        expect(typeof fm.body).toBe('string');
        const truncated = text.slice(0, cut % (text.length + 1));
        readAndOpen(Buffer.from(text), name);
        readAndOpen(Buffer.from(truncated), name);
      }),
      { numRuns: RUNS },
    );
  });

  it('mixed and legacy encodings, BOMs and invalid sequences', () => {
    const encodings = ['utf8', 'utf16le', 'utf16be', 'gb18030', 'big5', 'shift_jis', 'win1252'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(...encodings)), {
          maxLength: 6,
        }),
        fc.constantFrom(
          Buffer.alloc(0),
          Buffer.from([0xef, 0xbb, 0xbf]),
          Buffer.from([0xff, 0xfe]),
          Buffer.from([0xfe, 0xff]),
        ),
        fc.uint8Array({ maxLength: 16 }),
        fc.constantFrom(...EXTENSIONS),
        (parts, bom, junk, name) => {
          const bytes = Buffer.concat([
            bom,
            ...parts.map(([s, enc]) => iconv.encode(s, enc)),
            Buffer.from(junk),
          ]);
          const decoded = decodeBytes(bytes);
          if (!('binary' in decoded)) expect(typeof decoded.text).toBe('string');
          readAndOpen(bytes, name);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random HTML-ish text through the cleaner stays well-formed and safe', () => {
    const token = fc.constantFrom(
      '<p>',
      '</p>',
      '<div>',
      '</div>',
      '<b>',
      '</i>',
      '<table>',
      '<td>',
      '<svg>',
      '<math>',
      '<style>',
      '<script>',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '&amp;',
      '&#0;',
      '&#x110000;',
      '<a href="',
      '">',
      '"',
      "'",
      '<',
      '>',
      '\u0000',
      '\u3000',
      '新华社',
      'x',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const { doc } = cleanHtml(tokens.join(''));
        expect(doc.html).not.toMatch(/<(script|style|svg|math)\b|\son[a-z]+=/i);
      }),
      { numRuns: RUNS },
    );
  });
});

// Minutes of CPU on a 2-core machine: run with GLOSS_SOAK=1 (see docs/SECURITY.md).
describe.skipIf(!SOAK)('pathological files', () => {
  /** Runs one file through the whole path; returns seconds taken. */
  function timed(name: string, body: string): number {
    const started = performance.now();
    readAndOpen(Buffer.from(body), name);
    return (performance.now() - started) / 1000;
  }

  it('10,000 nested <div>s', () => {
    const depth = 10_000;
    const html = `${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}`;
    const seconds = timed('nested.html', html);
    const { doc } = cleanHtml(html);
    expect(doc.text).toBe('deep text');
    console.log(`10,000 nested divs: ${seconds.toFixed(2)} s`);
    // jsdom's parser is quadratic in nesting depth (~17 s of this on a loaded 2-core machine).
    expect(seconds).toBeLessThan(60);
  }, 120_000);

  const MB = 1024 * 1024;
  // One 10 MB file in the default run (the case that used to take hours); the others at 2 MB,
  // all at 10 MB with GLOSS_SOAK=1. jsdom parses roughly 1 MB/s on a loaded 2-core machine.
  const LARGE = SOAK ? 10 * MB : 2 * MB;
  const mb = `${LARGE / MB} MB`;
  it.each([
    ['10 MB of unclosed "<" in an HTML body', 'lt.html', () => '<'.repeat(10 * MB)],
    [`one ${mb} line of plain text`, 'line.txt', () => 'word '.repeat(LARGE / 5)],
    // Known limit (docs/SECURITY.md): the cleaner is superlinear here (2 MB: ~60 s); 200 KB by default.
    [
      `${SOAK ? mb : '200 KB'} of unclosed <script> and <p in an HTML body`,
      'open.html',
      () => '<script><p '.repeat((SOAK ? LARGE : 200 * 1024) / 11),
    ],
    [`${mb} of HTML on one line`, 'one-line.html', () => '<p>新华社 x</p>'.repeat(LARGE / 18)],
    [`unclosed front matter with ${mb} of keys`, 'fm.md', () => `---\n${'key: value\n'.repeat(LARGE / 11)}`],
    [
      `a ${mb} saved page without </body>`,
      'page.html',
      () =>
        `<!doctype html><html><head><title>t</title></head><body><article>${'<p>新华社北京电 text.</p>'.repeat(LARGE / 30)}`,
    ],
  ])(
    '%s finishes in bounded time',
    (label, name, make) => {
      const seconds = timed(name, make());
      console.log(`${label}: ${seconds.toFixed(2)} s`);
      expect(seconds).toBeLessThan(20);
    },
    120_000,
  );

  // Known limit, not fixed here (see docs/SECURITY.md): marked 16 is superlinear on some inputs,
  // e.g. "[a](" repeated (4 KB: ~10 s, 8 KB: over a minute) and "> " repeated (stack overflow,
  // which surfaces as an unreadable-article warning). Run with GLOSS_SOAK=1 to see it fail.
  it.runIf(SOAK)(
    'Markdown built to stall marked finishes in bounded time',
    () => {
      for (const [label, body] of [
        ['"[a](" x 2000', '[a]('.repeat(2000)],
        ['"_a " x 4000', '_a '.repeat(4000)],
        ['"*a" x 20000', '*a'.repeat(20000)],
      ] as const) {
        const seconds = timed('a.md', body);
        console.log(`Markdown ${label}: ${seconds.toFixed(2)} s`);
        expect(seconds).toBeLessThan(5);
      }
    },
    600_000,
  );
});
