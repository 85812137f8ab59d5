/**
 * The merged highlights and memos of one article: a union over every writer folder's file for it
 * (conflict copies included). Each highlight has one owner, so the union never has to choose,
 * except when one id comes twice (one writer id on two machines, or a conflict copy): then the
 * later `modified` wins, a tie goes to the larger writer id, then to the larger content, so every
 * reader picks the same one whatever order the files were read in.
 */
import type { Annotation } from '../model.js';
import { stableJson } from './stable-json.js';

export type WriterAnnotation = Annotation & { writerId: string };

export interface AnnotationSource {
  writerId: string;
  annotations: readonly Annotation[];
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which of two copies of one highlight id is kept: > 0 when `a`. */
function newer(a: WriterAnnotation, b: WriterAnnotation): number {
  return (
    time(a.modified) - time(b.modified) ||
    cmp(String(a.modified), String(b.modified)) ||
    cmp(a.writerId, b.writerId) ||
    cmp(stableJson(a), stableJson(b))
  );
}

/** Document order: where it starts, ends, when it was made, then id. */
export function byDocumentOrder(a: Annotation, b: Annotation): number {
  return (
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    cmp(String(a.created), String(b.created)) ||
    cmp(a.id, b.id)
  );
}

export function unionHighlights(sources: readonly AnnotationSource[]): WriterAnnotation[] {
  const byId = new Map<string, WriterAnnotation>();
  for (const { writerId, annotations } of sources) {
    for (const a of annotations) {
      const candidate: WriterAnnotation = { ...a, writerId };
      const kept = byId.get(a.id);
      if (!kept || newer(candidate, kept) > 0) byId.set(a.id, candidate);
    }
  }
  return [...byId.values()].sort(byDocumentOrder);
}

export interface MemoSource {
  writerId: string;
  memo: string;
  /** True for a sync tool's conflict copy of the writer's file (its text is shown after the live one). */
  conflictCopy?: boolean;
}

/**
 * One memo per writer, by writer id; writers with no memo are left out. A writer whose memo comes
 * from its live file and conflict copies with different texts gets them all, the live one first,
 * separated by a blank line: nothing typed is lost, and the writer can tidy it.
 */
export function unionMemos(sources: readonly MemoSource[]): { writerId: string; memo: string }[] {
  const byWriter = new Map<string, { live: string[]; copies: string[] }>();
  for (const s of sources) {
    if (!s.memo.trim()) continue;
    const texts = byWriter.get(s.writerId) ?? { live: [], copies: [] };
    (s.conflictCopy ? texts.copies : texts.live).push(s.memo);
    byWriter.set(s.writerId, texts);
  }
  return [...byWriter]
    .sort(([a], [b]) => cmp(a, b))
    .map(([writerId, { live, copies }]) => {
      const distinct = [...new Set([...live.sort(), ...copies.sort()])];
      return { writerId, memo: distinct.join('\n\n') };
    });
}
