/**
 * The annotation store of one library, as the rest of Gloss sees it: highlights, memos and the
 * codebook, kept in `<library>/.gloss/` (or wherever the caller's dataDir points). Safe with
 * several processes on one library, durable once a promise resolves, and never destructive with
 * files it does not understand. Its types are in `service-types.ts`, the implementation is
 * `annotation-store.ts`.
 */
import { AnnotationStore } from './annotation-store.js';
import type { AnnotationService, AnnotationServiceOptions } from './service-types.js';

export type * from './service-types.js';

export async function openAnnotationService(
  dataDir: string,
  opts: AnnotationServiceOptions = {},
): Promise<AnnotationService> {
  return AnnotationStore.open(dataDir, opts);
}
