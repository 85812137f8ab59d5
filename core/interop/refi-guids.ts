/**
 * GUIDs for REFI-QDA exports that stay the same from one export to the next: each is a name-based
 * UUID (version 5, RFC 4122 §4.3) of a Gloss id in a namespace of Gloss's own. Another tool that
 * imports a project twice, or compares two exports, then sees the same user, code, source and
 * selection each time instead of new objects.
 */
import { createHash } from 'node:crypto';

/** Gloss's namespace for REFI-QDA GUIDs (a random UUID, fixed forever). */
const GLOSS_REFI_NAMESPACE = '3b7c1e52-8d4f-4c1a-9a6e-5f2d0c7b9e13';

/** What a GUID names; part of the hashed name, so a tag and an article with the same id differ. */
export type GuidKind =
  'user' | 'code' | 'source' | 'selection' | 'coding' | 'note' | 'memo' | 'variable' | 'set';

/** The name-based UUID (version 5) of `name` in `namespace`, lower case with hyphens. */
export function uuidV5(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/[-{}]/g, ''), 'hex');
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The GUID of a Gloss object: `kind` and its ids, named as a JSON array so that no two lists of
 * ids share a name (("a", "bc") and ("ab", "c") differ).
 */
export function refiGuid(kind: GuidKind, ...parts: string[]): string {
  return uuidV5(GLOSS_REFI_NAMESPACE, JSON.stringify([kind, ...parts]));
}
