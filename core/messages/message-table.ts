/**
 * Messages core writes in English from one table of formats with named details (`{{path}}`), and
 * the renderer reads back into their code and details to word them in the UI language. One table
 * for both sides, so a message can never change without its reading changing too. Pure: the
 * renderer imports it.
 */
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export interface MessageTable<C extends string, D extends string> {
  /** The English message of `code`, its details filled in. */
  write(code: C, details?: Partial<Record<D, string | number>>): string;
  /** The code and details of a message `write` wrote; null for any other text. */
  read(message: string): { code: C; details: Partial<Record<D, string>> } | null;
}

export function messageTable<C extends string, D extends string>(
  formats: Readonly<Record<C, string>>,
): MessageTable<C, D> {
  // Each format as a pattern whose groups are its details, in order. Every detail but the last
  // matches as little as it can, so a detail at the end may hold any text at all (a folder name,
  // the system's words).
  const readers = (Object.keys(formats) as C[]).map((code) => {
    const format = formats[code];
    const names = Array.from(format.matchAll(PLACEHOLDER), (m) => m[1] as D);
    const source = format
      .split(PLACEHOLDER)
      .map((part, i) => (i % 2 === 1 ? '([\\s\\S]*?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return { code, names, pattern: new RegExp(`^${source}$`) };
  });
  return {
    write: (code, details = {}) =>
      formats[code].replace(PLACEHOLDER, (_, name: string) => String(details[name as D] ?? '')),
    read: (message) => {
      for (const { code, names, pattern } of readers) {
        const m = pattern.exec(message);
        if (!m) continue;
        const details: Partial<Record<D, string>> = {};
        names.forEach((name, i) => (details[name] = m[i + 1]));
        return { code, details };
      }
      return null;
    },
  };
}
