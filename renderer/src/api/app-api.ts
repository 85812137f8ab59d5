/**
 * The API surface the UI codes against: `GlossApi` plus the annotation operations typed straight
 * from their contract. Once `annotation-contract.ts` is merged into `contract.ts` this is the same
 * type as `GlossApi`; until then it lets the UI use the operations the hosts are gaining.
 */
import type { z } from 'zod';
import type { GlossApi } from '../../../core/api/contract.js';
import type { annotationContract } from '../../../core/api/annotation-contract.js';

type AnnotationContract = typeof annotationContract;

export type AnnotationApi = {
  [K in keyof AnnotationContract]: (
    input: z.input<AnnotationContract[K]['input']>,
  ) => Promise<Exclude<AnnotationContract[K]['output'], undefined>>;
};

export type AppApi = GlossApi & AnnotationApi;
