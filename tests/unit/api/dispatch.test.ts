/**
 * Every operation of the API refuses malformed input at the boundary, before any handler runs:
 * one generated case per operation and kind of bad input.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, operationNames, type GlossHandlers } from '../../../core/api/contract.js';
import { dispatch } from '../../../core/api/dispatch.js';
import { ApiError } from '../../../core/errors.js';

function recordingHandlers() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    operationNames.map((name) => [
      name,
      async () => {
        calls.push(name);
        return null;
      },
    ]),
  ) as unknown as GlossHandlers;
  return { handlers, calls };
}

const BAD_INPUTS: [string, unknown][] = [
  ['a number', 42],
  ['a string', 'open sesame'],
  ['an array', [1, 2]],
  ['an unknown field', { __unexpected: true }],
  ['a prototype-polluting key', JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}')],
];

describe.each(operationNames)('operation %s', (name) => {
  it.each(BAD_INPUTS)('refuses %s with a clear message', async (_label, input) => {
    const { handlers, calls } = recordingHandlers();
    const error = await dispatch(handlers, name, input).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid-input');
    expect((error as ApiError).message).toContain(name);
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bounds every string field and refuses one character more', async () => {
    const shape = (contract[name].input as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
    for (const [field, schema] of Object.entries(shape)) {
      const inner = unwrap(schema);
      if (!(inner instanceof z.ZodString)) continue;
      const max = inner.maxLength;
      expect(max, `${name}.${field} has no maximum length`).not.toBeNull();
      if (max === null || max > 30_000_000) continue;
      const { handlers, calls } = recordingHandlers();
      const error = await dispatch(handlers, name, { [field]: 'x'.repeat(max + 1) }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(error, `${name}.${field}`).toBeInstanceOf(ApiError);
      expect(calls).toEqual([]);
    }
  });
});

/** The schema inside optional/default/nullable wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodDefault ||
    current instanceof z.ZodNullable
  ) {
    current = (current as z.ZodOptional<z.ZodType>).unwrap() as z.ZodType;
  }
  return current;
}

describe('dispatch', () => {
  it('refuses an unknown operation', async () => {
    const { handlers } = recordingHandlers();
    await expect(dispatch(handlers, 'deleteEverything', {})).rejects.toMatchObject({
      code: 'unknown-operation',
    });
    await expect(dispatch(handlers, '__proto__', {})).rejects.toMatchObject({ code: 'unknown-operation' });
    await expect(dispatch(handlers, 'constructor', {})).rejects.toMatchObject({ code: 'unknown-operation' });
  });

  it('passes valid input to the handler', async () => {
    const { handlers, calls } = recordingHandlers();
    await dispatch(handlers, 'getAppState', {});
    await dispatch(handlers, 'search', { query: '经济' });
    expect(calls).toEqual(['getAppState', 'search']);
  });
});
