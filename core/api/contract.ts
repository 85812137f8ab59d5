/**
 * The one API the renderer uses, whatever host serves it. Each domain contributes a contract;
 * `GlossApi` and `GlossHandlers` are derived from them, so the client and the service agree by type.
 */
import type { z } from 'zod';
import type { ClientOf, HandlersOf, OperationSpec } from './define.js';
import { libraryContract } from './library-contract.js';
import { annotationContract } from './annotation-contract.js';
import { exportContract } from './export-contract.js';
import { coderContract } from './coder-contract.js';
import { agreementContract } from './agreement-contract.js';
import { interopContract } from './interop-contract.js';
import { marksContract } from './marks-contract.js';
import { reviewContract } from './review-contract.js';
import { analysisContract } from './analysis-contract.js';
import { chartFileContract } from './chart-file-contract.js';
import { folderBrowserContract } from './folder-browser-contract.js';

export const contract = {
  ...libraryContract,
  ...annotationContract,
  ...exportContract,
  ...coderContract,
  ...agreementContract,
  ...interopContract,
  ...marksContract,
  ...reviewContract,
  ...analysisContract,
  ...chartFileContract,
  ...folderBrowserContract,
} satisfies Record<string, OperationSpec>;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export const operationNames = Object.keys(contract) as OperationName[];

export type OpInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OperationName> = Exclude<Contract[K]['output'], undefined>;

/** What the renderer calls (built by `createClient` in client.ts). */
export type GlossApi = ClientOf<Contract>;

/** What a host implements: inputs arrive already validated. */
export type GlossHandlers = HandlersOf<Contract>;

/** Events the hosts push to the UI. */
export type GlossEvent =
  | { type: 'library-changed'; reason: 'scan' | 'watch' | 'opened' }
  | { type: 'scan-progress'; done: number; total: number }
  | { type: 'annotations-changed'; articleId: string | null }
  | { type: 'tags-changed' }
  /** Writer folders appeared or changed (another coder's work arrived), or the current coder changed. */
  | { type: 'coders-changed' }
  | { type: 'menu'; command: string };

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
