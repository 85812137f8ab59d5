/**
 * How an API operation is declared: a zod schema for its input (validated at every host boundary)
 * and a phantom type for its output. Each domain declares its operations in its own contract file.
 */
import type { z } from 'zod';

export interface OperationSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Never set at run time; carries the output type for the typed clients. */
  readonly output?: O;
}

type Operations = Record<string, OperationSpec>;
type OutputOf<S extends OperationSpec> = Exclude<S['output'], undefined>;

/** What implements a contract: each handler gets its input already parsed by the schema. */
export type HandlersOf<C extends Operations> = {
  [K in keyof C]: (input: z.output<C[K]['input']>) => Promise<OutputOf<C[K]>>;
};

/** What calls a contract: each function takes the input as the caller writes it (before defaults). */
export type ClientOf<C extends Operations> = {
  [K in keyof C]: (input: z.input<C[K]['input']>) => Promise<OutputOf<C[K]>>;
};

export function op<O>() {
  return <I extends z.ZodType>(input: I): OperationSpec<I, O> => ({ input });
}
