/**
 * Escape sequences in an article's title, body, metadata and file name (ESC [2J clears the screen,
 * OSC 52 writes the clipboard, CSI as one C1 character, a bidi override) never reach the terminal
 * raw from `gloss show`, `gloss index`, their warnings or an error quoting a path. JSON keeps the
 * exact text (JSON escapes control characters itself).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gloss } from './run-gloss.js';

const CLEAR = '\x1b[2J';
const CLIPBOARD = '\x1b]52;c;cHduZWQ=\x07';
/** What a terminal acts on: C0 but tab and newline, DEL, C1, bidi overrides and isolates. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const work = mkdtempSync(join(tmpdir(), 'gloss-cli-terminal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const library = join(work, 'library');
mkdirSync(library);
const fileName = `news${CLEAR}${CLIPBOARD}.md`;
const file = join(library, fileName);
// YAML double quotes spell ESC as \e and BEL as \a; the body carries the raw bytes.
writeFileSync(
  file,
  [
    '---',
    'title: "Title \\e[2J\\e]52;c;cHduZWQ=\\a end"',
    'date: "\\e[31mnot a date"',
    'author: "Author \\u009b31m"',
    '---',
    '',
    `<p>Body ${CLEAR} clears, ${CLIPBOARD} copies, \u009b1m bolds, \u202egnp.exe reverses.</p>`,
    '',
  ].join('\n'),
);
const env = { GLOSS_DATA_DIR: join(work, 'data') };

describe('terminal-safe CLI output', () => {
  it('gloss show --text escapes the title, metadata and body, and the warning line', () => {
    const { code, stdout, stderr } = gloss(['show', file], env);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(CONTROL);
    expect(stdout).toContain('Title \\x1b[2J\\x1b]52;c;cHduZWQ=\\x07 end');
    expect(stdout).toContain('Author \\u009b31m');
    expect(stdout).toContain('Body \\x1b[2J clears, \\x1b]52;c;cHduZWQ=\\x07 copies, \\u009b1m bolds');
    expect(stdout).toContain('\\u202egnp.exe');
    expect(stderr).not.toMatch(CONTROL);
    expect(stderr).toContain('news\\x1b[2J\\x1b]52;c;cHduZWQ=\\x07.md:3: ');
    expect(stderr).toContain('"\\x1b[31mnot a date"');
  });

  it('gloss show --html escapes them too', () => {
    const { code, stdout } = gloss(['show', file, '--html'], env);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(CONTROL);
    expect(stdout).toContain('Body \\x1b[2J clears');
  });

  it('gloss index escapes the table and the warnings on stderr', () => {
    const { code, stdout, stderr } = gloss(['index', library], env);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(CONTROL);
    expect(stdout).toContain(
      'Title \\x1b[2J\\x1b]52;c;cHduZWQ=\\x07 end\tnews\\x1b[2J\\x1b]52;c;cHduZWQ=\\x07.md',
    );
    expect(stderr).not.toMatch(CONTROL);
    expect(stderr).toContain('gloss: news\\x1b[2J\\x1b]52;c;cHduZWQ=\\x07.md:3: Unrecognised date');
  });

  it('gloss index --json keeps the exact text, escaped by JSON', () => {
    const { code, stdout } = gloss(['index', library, '--json'], env);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(CONTROL);
    const { articles } = JSON.parse(stdout) as { articles: { path: string; title: string }[] };
    expect(articles[0]!.path).toBe(fileName);
    expect(articles[0]!.title).toBe(`Title ${CLEAR}${CLIPBOARD} end`);
  });

  it('an error quoting a path escapes it', () => {
    const { code, stderr } = gloss(['show', join(library, `missing${CLIPBOARD}.md`)], env);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(CONTROL);
    expect(stderr).toContain('No such file: ');
    expect(stderr).toContain('missing\\x1b]52;c;cHduZWQ=\\x07.md');
  });
});
