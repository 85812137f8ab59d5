/**
 * Text from articles, file names and store files made safe to print on a terminal. A title can
 * carry ESC [2J (clear the screen), an OSC 52 sequence (write the clipboard) or a bidi override
 * (show a name reversed); printed raw, the terminal obeys them. Every control character but tab
 * and newline (C0, DEL, C1) and every bidi embedding, override or isolate is shown escaped
 * instead: `\x1b`, `\u009b`, `\u202e`.
 */

const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

function hex(char: string, digits: number): string {
  return char.charCodeAt(0).toString(16).padStart(digits, '0');
}

function escape(char: string): string {
  return char < '\x80' ? `\\x${hex(char, 2)}` : `\\u${hex(char, 4)}`;
}

/** `text` with the characters a terminal would act on written out as escapes. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Characters JSON.stringify leaves raw although a terminal may act on them (it escapes only C0). */
const RAW_IN_JSON = /[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `value` as indented JSON that is also safe on a terminal: DEL, C1 and bidi controls are written
 * as `\u` escapes, which every JSON parser reads back as the same text (outside strings, JSON is
 * plain ASCII, so only string contents change).
 */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (c) => `\\u${hex(c, 4)}`);
}

/** One `gloss: file:line: message` line for stderr, safe to print. */
export function warningLine(file: string, warning: { line?: number | null; message: string }): string {
  return terminalSafe(`gloss: ${file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`) + '\n';
}
