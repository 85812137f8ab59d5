/**
 * A fast path for the front matters scraped-news generators write: `key: value`, `key: 'quoted'`
 * and `key:` followed by `- item` lines. For 10,000 files the full `yaml` parser is the slowest
 * part of a scan, so these simple cases are read directly. Anything else returns null and goes to
 * `yaml` (see parse-front-matter.ts). A property test checks that, whenever this returns a result,
 * `yaml` returns the same one.
 */

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*$/;
const ITEM = /^[ \t]+-[ \t]+(.*?)[ \t]*$/;

// YAML core schema plain scalars that are not strings. Booleans and null are resolved here;
// numbers, octal/hex, infinities and NaN are left to yaml.
const CORE_NULL = /^(?:~|null|Null|NULL)$/;
const CORE_TRUE = /^(?:true|True|TRUE)$/;
const CORE_FALSE = /^(?:false|False|FALSE)$/;
const CORE_NUMBERISH =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

type Scalar = string | boolean | null;

/** The value a one-line scalar stands for, or undefined when it is not simple. */
function simpleScalar(raw: string): Scalar | undefined {
  if (CORE_NULL.test(raw)) return null;
  if (CORE_TRUE.test(raw)) return true;
  if (CORE_FALSE.test(raw)) return false;
  if (raw.startsWith("'")) {
    if (raw.length < 2 || !raw.endsWith("'")) return undefined;
    const inner = raw.slice(1, -1);
    if (/'(?!')/.test(inner.replace(/''/g, ''))) return undefined;
    return inner.replace(/''/g, "'");
  }
  if (raw === '' || CORE_NUMBERISH.test(raw)) return undefined;
  // Indicators that start other YAML constructs, comments, nested mappings, tabs, odd characters.
  if (/^[-?:,[\]{}#&*!|>"%@`]/.test(raw) || raw.includes(': ') || raw.includes(' #') || raw.endsWith(':'))
    return undefined;
  if (/[\t\u0000-\u0008\u000b-\u001f\u007f\ufeff]/.test(raw)) return undefined;
  return raw;
}

export function parseSimpleFrontMatter(yamlText: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (line.trim() === '') continue;
    const m = KEY.exec(line);
    if (!m) return null;
    const key = m[1] as string;
    if (Object.prototype.hasOwnProperty.call(data, key) || key === '__proto__') return null;
    const rawValue = m[2] ?? '';
    if (rawValue !== '') {
      const value = simpleScalar(rawValue);
      if (value === undefined) return null;
      data[key] = value;
      continue;
    }
    // `key:` alone: a list of `- item` lines follows, or nothing (null).
    const items: Scalar[] = [];
    while (i + 1 < lines.length) {
      const next = (lines[i + 1] as string).replace(/\r$/, '');
      const item = ITEM.exec(next);
      if (!item) break;
      const value = simpleScalar(item[1] as string);
      if (value === undefined) return null;
      items.push(value);
      i++;
    }
    if (
      i + 1 < lines.length &&
      /^[ \t]/.test(lines[i + 1] as string) &&
      (lines[i + 1] as string).trim() !== ''
    )
      return null;
    data[key] = items.length ? items : null;
  }
  return data;
}
