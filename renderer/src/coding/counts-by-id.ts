/**
 * Per-id counts from the host (e.g. highlights per tag, from `listTags`) as a Map. Ids come from
 * files, so one may be `__proto__` or `constructor`: looked up in a plain object those give
 * `Object.prototype` or a function instead of a number (the codebook then failed to render). Only
 * the object's own entries count, and only numbers.
 */
export function countsById(record: Readonly<Record<string, unknown>>): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const [id, value] of Object.entries(record))
    if (typeof value === 'number' && Number.isFinite(value)) counts.set(id, value);
  return counts;
}
