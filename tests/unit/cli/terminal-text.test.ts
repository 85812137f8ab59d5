/** terminalSafe: what a terminal would act on is shown escaped; readable text is left alone. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeJson, warningLine } from '../../../cli/terminal-text.js';

/** Every character a terminal may act on, or that reorders what it shows. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const controlChar = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0x202a, max: 0x202e }),
    fc.integer({ min: 0x2066, max: 0x2069 }),
  )
  .map((c) => String.fromCharCode(c));

/** Text as articles hold it: ASCII, CJK, emoji (with joiners and variation selectors), tabs, newlines. */
const plainText = fc
  .array(
    fc.oneof(
      fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
      fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)) }),
      fc.constantFrom('👩‍💻', '🇨🇳', '❤️', '\t', '\n', '“引号”', '，。！', 'café', 'עברית', '\u200e'),
    ),
  )
  .map((parts) => parts.join(''));

describe('terminalSafe', () => {
  it('leaves no control character, bidi override or isolate in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(terminalSafe(s)).not.toMatch(CONTROL);
      }),
    );
    fc.assert(
      fc.property(plainText, controlChar, plainText, (before, c, after) => {
        expect(terminalSafe(before + c + after)).not.toMatch(CONTROL);
      }),
    );
  });

  it('leaves plain text unchanged: ASCII, CJK, emoji, tab, newline', () => {
    fc.assert(
      fc.property(plainText, (s) => {
        expect(terminalSafe(s)).toBe(s);
      }),
    );
  });

  it('shows each escaped character so it can be read back', () => {
    expect(terminalSafe('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
    expect(terminalSafe('\x1b]52;c;aGk=\x07')).toBe('\\x1b]52;c;aGk=\\x07');
    expect(terminalSafe('\u009b2J')).toBe('\\u009b2J');
    expect(terminalSafe('x\r\x7f\u202egnp.exe')).toBe('x\\x0d\\x7f\\u202egnp.exe');
    expect(terminalSafe('标题\t作者\n')).toBe('标题\t作者\n');
  });

  it('makes warning lines safe in the file name and the message', () => {
    expect(warningLine('a\x1b[2J.md', { line: 3, message: 'Bad date "\x1b]52;c;eA==\x07"' })).toBe(
      'gloss: a\\x1b[2J.md:3: Bad date "\\x1b]52;c;eA==\\x07"\n',
    );
    expect(warningLine('b.md', { message: 'empty' })).toBe('gloss: b.md: empty\n');
  });
});

describe('terminalSafeJson', () => {
  it('reads back as the same value and leaves no control character raw', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (value) => {
        const json = terminalSafeJson(value);
        expect(json).not.toMatch(CONTROL);
        expect(JSON.parse(json)).toEqual(value);
      }),
    );
  });

  it('is the indented JSON.stringify output for plain text', () => {
    fc.assert(
      fc.property(fc.array(plainText), (value) => {
        expect(terminalSafeJson(value)).toBe(JSON.stringify(value, null, 2));
      }),
    );
  });
});
