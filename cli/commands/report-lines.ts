/** Lines of the import commands' reports: long quotes shortened, long lists cut with a count. */

/** At most this many items of a list are printed one by one. */
export const LISTED = 20;

export function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function listed<T>(items: readonly T[], line: (item: T) => string): string[] {
  const out = items.slice(0, LISTED).map((item) => `    ${line(item)}`);
  if (items.length > LISTED) out.push(`    … and ${items.length - LISTED} more`);
  return out;
}
