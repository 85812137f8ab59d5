/**
 * Objects keyed by strings from files (front-matter keys, tag ids): a key may be `__proto__`,
 * which plain assignment turns into a prototype change instead of a key. `setOwn` always makes
 * an own, enumerable property, so the object still round-trips through JSON and deep equality.
 * Read such objects with `Object.hasOwn` (an absent `constructor` would otherwise find Object's).
 */
export function setOwn<V>(target: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
