/**
 * Splits a file into YAML front matter and body, and parses the YAML with the `yaml` library.
 * Never throws: a broken front matter gives a warning with its line, and whatever simple
 * `key: value` lines can still be read, so the article opens with its body and a title.
 * Files may begin with blank lines before the opening `---` (the corpus files all do).
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { setOwn } from '../own-keys.js';
import { parseSimpleFrontMatter } from './simple-front-matter.js';

export interface FrontMatter {
  /** True when the file starts with a `---` block. */
  present: boolean;
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  error: { message: string; line: number } | null;
}

/** The warning for a `---` block without its end (the whole file may be the front matter). */
export const UNCLOSED_FRONT_MATTER = 'Front matter starts with --- but never ends';

const OPEN = /^(?:[ \t]*\r?\n)*---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

export function parseFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { present: false, data: {}, body: text, bodyLine: 1, error: null };
  const yamlStart = open[0].length;
  const openLine = countLines(open[0]); // the line holding `---`
  const rest = text.slice(yamlStart);
  const close = CLOSE.exec(rest);
  if (!close) {
    return {
      present: true,
      data: {},
      body: text,
      bodyLine: 1,
      error: { message: UNCLOSED_FRONT_MATTER, line: openLine },
    };
  }
  const yamlText = rest.slice(0, close.index);
  let bodyStart = yamlStart + close.index + close[0].length;
  if (text[bodyStart] === '\r') bodyStart++;
  if (text[bodyStart] === '\n') bodyStart++;
  const body = text.slice(bodyStart);
  const bodyLine = countLines(text.slice(0, bodyStart)) + 1;
  const parsed = parseYamlMapping(yamlText, openLine);
  return { present: true, data: parsed.data, body, bodyLine, error: parsed.error };
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

interface ParsedYaml {
  data: Record<string, unknown>;
  error: FrontMatter['error'];
}

const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function tryParse(yamlText: string): { value: unknown } | { error: unknown } {
  try {
    // Strings stay strings (no YAML 1.1 timestamps): dates are parsed by parse-date.ts.
    return {
      value: parseYaml(yamlText, {
        prettyErrors: false,
        uniqueKeys: false,
        maxAliasCount: 100,
        logLevel: 'error',
      }),
    };
  } catch (error) {
    return { error };
  }
}

function parseYamlMapping(yamlText: string, openLine: number): ParsedYaml {
  if (yamlText.trim() === '') return { data: {}, error: null };
  const simple = parseSimpleFrontMatter(yamlText);
  if (simple) return { data: simple, error: null };
  const first = tryParse(yamlText);
  if ('value' in first) {
    if (isMapping(first.value)) return { data: first.value, error: null };
    return {
      data: {},
      error: { message: 'Front matter is not a list of key: value pairs', line: openLine + 1 },
    };
  }
  // Hexo writes quoted titles that continue on an unindented line, which strict YAML rejects.
  // Indenting such continuation lines is what the author meant; accept it silently if it parses.
  const repaired = tryParse(indentContinuationLines(yamlText));
  if ('value' in repaired && isMapping(repaired.value)) return { data: repaired.value, error: null };

  const err = first.error;
  const pos = err instanceof YAMLParseError ? err.pos[0] : 0;
  const yamlLine = countLines(yamlText.slice(0, pos)) + 1;
  const message = err instanceof Error ? (err.message.split('\n')[0] ?? 'Invalid YAML') : 'Invalid YAML';
  return {
    data: salvageSimpleKeys(yamlText),
    error: { message: `Front matter: ${message}`, line: openLine + yamlLine },
  };
}

const KEY_LINE = /^[A-Za-z_][\w-]*\s*:(?:\s|$)/;

/** Indent lines that continue an open quoted scalar (they don't start a key or a list item). */
export function indentContinuationLines(yamlText: string): string {
  const lines = yamlText.split('\n');
  let open: '"' | "'" | null = null;
  return lines
    .map((line) => {
      let out = line;
      if (open && !KEY_LINE.test(line) && !/^\s/.test(line)) out = ' ' + line;
      open = quoteStateAfter(line, open);
      return out;
    })
    .join('\n');
}

/** Whether a quoted scalar is still open at the end of `line`. */
function quoteStateAfter(line: string, open: '"' | "'" | null): '"' | "'" | null {
  let state = open;
  let i = 0;
  if (!state) {
    const m = /^\s*(?:-\s+)?[A-Za-z_][\w-]*\s*:\s*(['"])/.exec(line) ?? /^\s*-\s+(['"])/.exec(line);
    if (!m) return null;
    state = m[1] as '"' | "'";
    i = m[0].length;
  }
  for (; i < line.length; i++) {
    const c = line[i];
    if (state === "'" && c === "'") {
      if (line[i + 1] === "'") i++;
      else return null;
    } else if (state === '"' && c === '\\') i++;
    else if (state === '"' && c === '"') return null;
  }
  return state;
}

/** Best effort for a broken front matter: read each top-level `key: value` line on its own. */
function salvageSimpleKeys(yamlText: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const line of yamlText.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.+)$/.exec(line);
    if (!m) continue;
    const parsed = tryParse(`v: ${m[2]}`);
    const key = m[1] as string;
    if ('value' in parsed && isMapping(parsed.value) && !Object.hasOwn(data, key))
      setOwn(data, key, parsed.value.v);
  }
  return data;
}
