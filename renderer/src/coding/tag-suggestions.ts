/**
 * What the popover's tag field offers for what was typed: up to eight matching tags, then
 * "Create tag …" unless a tag of that name exists (compared case- and width-insensitively).
 */
import { foldName, matchTags, type TagRow } from './tag-tree.js';

export const MAX_SUGGESTIONS = 8;

export interface TagSuggestions {
  suggestions: TagRow[];
  canCreate: boolean;
}

export function suggestTags(rows: readonly TagRow[], query: string): TagSuggestions {
  const suggestions = query.trim() ? matchTags(rows, query).slice(0, MAX_SUGGESTIONS) : [];
  const exact = rows.some((r) => foldName(r.tag.name) === foldName(query));
  return { suggestions, canCreate: query.trim().length > 0 && !exact };
}
