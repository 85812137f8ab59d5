/**
 * Front-matter metadata as REFI-QDA variables: one project-level `Variable` per key found in the
 * exported articles (date, author, categories, tags, URL, image, editor, then every other key), and
 * a `VariableValue` per article that has a value. The type is chosen over all values of a key so
 * every value fits it: Date (or DateTime when some have a time), Boolean, Integer, Float, else Text
 * (lists joined with "; ", as in the CSV). Missing and empty values get no VariableValue.
 */
import type { ArticleMeta } from '../model.js';
import { metaCell } from '../export/meta-columns.js';
import { refiGuid } from './refi-guids.js';
import type { RefiVariable, RefiVariableType, RefiVariableValue } from './refi-model.js';

/** The known front-matter fields, in the order their variables are listed. */
const KNOWN: readonly (keyof ArticleMeta)[] = [
  'date',
  'author',
  'categories',
  'tags',
  'url',
  'image',
  'editor',
];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
/** `xs:decimal`: no exponent, no NaN or infinity. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** The metadata of one article, by variable name (values as parsed). */
export function metaValues(meta: ArticleMeta): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const key of KNOWN) if (!isEmpty(meta[key])) values.set(key, meta[key]);
  for (const [key, value] of Object.entries(meta.extra)) if (!isEmpty(value)) values.set(key, value);
  return values;
}

function typeOf(name: string, values: readonly unknown[]): RefiVariableType {
  const strings = values.every((v) => typeof v === 'string');
  if (name === 'date' && strings) {
    if (values.every((v) => DATE_ONLY.test(v as string))) return 'Date';
    if (values.every((v) => DATE_ONLY.test(v as string) || DATE_TIME.test(v as string))) return 'DateTime';
  }
  if (values.every((v) => typeof v === 'boolean')) return 'Boolean';
  if (values.every((v) => typeof v === 'number' && Number.isSafeInteger(v))) return 'Integer';
  if (values.every((v) => typeof v === 'number' && DECIMAL.test(String(v)))) return 'Float';
  return 'Text';
}

function valueText(type: RefiVariableType, value: unknown): string {
  if (type === 'DateTime' && typeof value === 'string' && DATE_ONLY.test(value)) return `${value}T00:00:00`;
  return metaCell(value);
}

/** Collects the values of every exported article, then types them together. */
export class SourceVariables {
  private readonly perSource: { sourceGuid: string; values: Map<string, unknown> }[] = [];
  private readonly names: string[] = [];
  private readonly seen = new Set<string>();

  add(sourceGuid: string, meta: ArticleMeta): void {
    const values = metaValues(meta);
    for (const name of values.keys()) {
      if (!this.seen.has(name)) {
        this.seen.add(name);
        this.names.push(name);
      }
    }
    this.perSource.push({ sourceGuid, values });
  }

  /** The variables (known keys first, then the others by name) and each source's values. */
  finish(): { variables: RefiVariable[]; values: Map<string, RefiVariableValue[]> } {
    const order = [
      ...KNOWN.filter((k) => this.seen.has(k)),
      ...this.names.filter((n) => !(KNOWN as readonly string[]).includes(n)).sort(),
    ];
    const variables = order.map((name) => ({
      guid: refiGuid('variable', name),
      name,
      type: typeOf(
        name,
        this.perSource.filter((s) => s.values.has(name)).map((s) => s.values.get(name)),
      ),
    }));
    const values = new Map<string, RefiVariableValue[]>();
    for (const { sourceGuid, values: own } of this.perSource) {
      values.set(
        sourceGuid,
        variables
          .filter((v) => own.has(v.name))
          .map((v) => ({ variableGuid: v.guid, type: v.type, value: valueText(v.type, own.get(v.name)) })),
      );
    }
    return { variables, values };
  }
}
