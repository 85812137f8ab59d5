/**
 * Upgrades files written by older Gloss versions, one version step at a time. A migration takes the
 * raw JSON of version N and returns version N + 1. There is only schema version 1 so far; the
 * tables are where the first real step goes (e.g. `1: (doc) => ({ ...doc, schemaVersion: 2, … })`).
 */
import { CURRENT_SCHEMA_VERSION } from './store-schema.js';

export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
/** Keyed by the version a migration upgrades *from*. */
export type MigrationTable = Readonly<Record<number, Migration>>;

export type FileKind = 'article' | 'codebook';

export const MIGRATIONS: Readonly<Record<FileKind, MigrationTable>> = {
  article: {},
  codebook: {},
};

export class MigrationError extends Error {}

/** Runs every step from the document's version up to `target`. */
export function migrate(
  doc: Record<string, unknown>,
  table: MigrationTable,
  target = CURRENT_SCHEMA_VERSION,
): Record<string, unknown> {
  let current = doc;
  for (let version = Number(doc.schemaVersion); version < target; version++) {
    const step = table[version];
    if (!step) throw new MigrationError(`no migration from schema version ${version}`);
    current = step(current);
    if (current.schemaVersion !== version + 1) {
      throw new MigrationError(`migration from version ${version} did not produce version ${version + 1}`);
    }
  }
  return current;
}
