/**
 * JSON text with object keys sorted, so two equal values (read from different files, keys in any
 * order) give the same text: used to compare field values and to break exact ties the same way on
 * every machine.
 */
export function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        Object.defineProperty(sorted, k, {
          value: (v as Record<string, unknown>)[k],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return sorted;
    }) ?? 'undefined'
  );
}

export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || stableJson(a) === stableJson(b);
}
