// Messages about a JSON file that does not parse say where, never what.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonReportingPlace } from '../../../core/store/json-error-place.js';

function messageFor(text: string): string | null {
  try {
    parseJsonReportingPlace(text);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('parseJsonReportingPlace', () => {
  it('parses valid JSON as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        expect(JSON.stringify(parseJsonReportingPlace(text))).toBe(JSON.stringify(JSON.parse(text)));
      }),
    );
  });

  it('names a line and column inside the text, and nothing of the text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (junk, tail) => {
        const text = `{"k": ${junk}x${tail}`;
        const message = messageFor(text);
        fc.pre(message !== null);
        const m = /^not valid JSON at line (\d+), column (\d+)$/.exec(message!);
        expect(m).not.toBeNull();
        const lines = text.split('\n');
        expect(Number(m![1])).toBeLessThanOrEqual(lines.length);
        expect(Number(m![2])).toBeLessThanOrEqual(lines[Number(m![1]) - 1]!.length + 1);
      }),
    );
  });

  it('points at the bad token', () => {
    expect(messageFor('{\n  "a": 1,\n  "b": oops\n}')).toBe('not valid JSON at line 3, column 8');
    expect(messageFor('{"a": 1')).toBe('not valid JSON at line 1, column 8');
  });
});
