/**
 * The single entry through which both hosts (IPC and HTTP) call the service: it checks the
 * operation name, validates the input with the operation's schema, and turns failures into
 * `ApiError`s with messages a user can read.
 */
import { z } from 'zod';
import { contract, isOperationName, type GlossHandlers, type OperationName } from './contract.js';
import { ApiError } from '../errors.js';

export async function dispatch(handlers: GlossHandlers, name: string, rawInput: unknown): Promise<unknown> {
  if (!isOperationName(name))
    throw new ApiError('unknown-operation', `Unknown operation: ${name.slice(0, 100)}`);
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    throw new ApiError('invalid-input', `Invalid input for ${name}: ${z.prettifyError(parsed.error)}`);
  }
  const handler = handlers[name] as (input: unknown) => Promise<unknown>;
  return handler(parsed.data);
}

export type { OperationName };
