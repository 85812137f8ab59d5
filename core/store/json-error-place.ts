/**
 * Where a JSON text stops being valid, as a line and column, so a message can point at the place
 * without quoting the text: V8's own messages quote the start of the input ("Unexpected token 'h',
 * "hello…" is not valid JSON"), and a store file may be anything (a link's target, a secret).
 */

export interface TextPlace {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

const END_OF_INPUT = 'Unexpected end of JSON input';

function failsBefore(text: string, length: number): boolean {
  try {
    JSON.parse(text.slice(0, length));
    return false;
  } catch (err) {
    // A prefix that is fine so far only "ends too early" (at its very end); else it went wrong inside.
    const message = (err as Error).message;
    const stated = /at position (\d+)/.exec(message);
    return message !== END_OF_INPUT && !(stated && Number(stated[1]) >= length);
  }
}

/** The offset at which `JSON.parse(text)` fails (`text` must be invalid JSON). */
function errorOffset(text: string, message: string): number {
  const stated = /at position (\d+)/.exec(message);
  if (stated) return Math.min(Number(stated[1]), text.length);
  if (message === END_OF_INPUT) return text.length;
  // V8 names the bad token but not where it is: the shortest prefix that fails for a reason other
  // than ending early ends just after it. Prefixes of valid JSON only end early, so this is monotone.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsBefore(text, mid + 1)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function placeOf(text: string, offset: number): TextPlace {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses JSON; on failure throws an Error whose message says only where (line and column). */
export function parseJsonReportingPlace(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const { line, column } = placeOf(text, errorOffset(text, (err as Error).message));
    // No `cause`: the original error's message quotes the text, which is what this avoids.
    // eslint-disable-next-line preserve-caught-error
    throw new SyntaxError(`not valid JSON at line ${line}, column ${column}`);
  }
}
