/** A long quote or note cut to `max` characters with an ellipsis, for lists. */
export function shorten(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
