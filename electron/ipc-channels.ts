/**
 * The IPC channels between the preload and main. Kept apart from security.ts, which uses Node
 * built-ins that a sandboxed preload cannot load.
 */
export const IPC = {
  /** One API operation: `(name, input)`, answered `{ ok, result | error }`. */
  op: 'gloss:op',
  /** Open a dropped folder: its path, which only the preload can learn (webUtils.getPathForFile). */
  openDropped: 'gloss:open-dropped',
  /** Host events to the page (GlossEvent). */
  event: 'gloss:event',
} as const;
