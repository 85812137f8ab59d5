/**
 * Sizes Gloss refuses to go beyond, shared by the API schemas and the domain code that enforces the
 * same bounds on files it reads.
 */
/** Limits shared by the schemas: big enough for real use, small enough to refuse abuse. */
export const LIMITS = {
  id: 200,
  path: 4096,
  name: 200,
  note: 100_000,
  query: 500,
  quote: 100_000,
} as const;

/**
 * Most highlights one `restoreAnnotations` call takes, and so the most a tag removal hands back in
 * `TagRemoval.previous` for undo: one constant so an undo always fits in one restore.
 */
export const MAX_RESTORE_BATCH = 5000;
