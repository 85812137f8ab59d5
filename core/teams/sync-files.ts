/**
 * What a file found in a writer folder is, judged by its name only: a live store file, a sync
 * tool's conflict copy of one (to be merged with it and reported), a sync tool's or editor's
 * temporary file (ignored), or something else. Names come from other machines and tools, so any
 * string is accepted and nothing throws. A live file name (lower-case id or `h.<hash>`, `.json`)
 * is always live: every copy pattern below needs a character a live name cannot have.
 */
import { isArticleFileName } from '../store/store-layout.js';

export type SyncFileKind =
  { kind: 'live' } | { kind: 'conflict-copy'; base: string } | { kind: 'sync-temp' } | { kind: 'other' };

/** In-progress or placeholder files: their content is not (yet) a store file. */
const TEMP_PATTERNS: readonly RegExp[] = [
  /^\.syncthing\..+\.tmp$/s, // Syncthing while receiving
  /^~syncthing~.+\.tmp$/s, // Syncthing on Windows
  /^\..+\.tmp$/s, // our own durable-write temp files, and other hidden temp files
  /^~\$/, // Microsoft Office lock files
  /\.icloud$/i, // iCloud placeholder of a file not downloaded
  /^\.~lock\..+#$/s, // LibreOffice lock files
  /^\..+\.~[0-9a-f]+$/is, // Nextcloud / ownCloud partial download
  /\.!sync$/, // Resilio Sync partial file
  /\.(part|partial|crdownload)$/i,
];

/**
 * Words that name a conflicted copy in the parenthesis Dropbox, Nextcloud and ownCloud add, in the
 * languages their clients are used in by our users (they translate it).
 */
const CONFLICT_WORDS = /conflict|冲突|衝突|競合|충돌|konflikt|conflit|conflitto|conflicto|conflito|конфликт/i;

/** One way a tool turns `stem` into a copy's stem; returns the original stem, or null. */
type Strip = (stem: string) => string | null;

const STRIPS: readonly Strip[] = [
  // Syncthing: name.sync-conflict-20261203-120000-ABCDEFG
  (s) => /^(.+)\.sync-conflict-\d{8}-\d{6}(?:-[A-Za-z0-9]+)?$/s.exec(s)?.[1] ?? null,
  // Dropbox / Nextcloud / ownCloud: name (Ana's conflicted copy 2026-12-03 (1)), one nested level
  (s) => {
    const m = /^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/s.exec(s);
    return m && CONFLICT_WORDS.test(m[2]!) ? m[1]! : null;
  },
  // Duplicates: name (1), name(2)
  (s) => /^(.*?)\s*\(\d{1,4}\)\s*$/s.exec(s)?.[1] ?? null,
  // Windows Explorer: name - Copy, name - Copy (2)
  (s) => /^(.*?)\s+-\s+copy(?:\s*\(\d{1,4}\))?\s*$/is.exec(s)?.[1] ?? null,
  // Older ownCloud: name_conflict-20261203-120000
  (s) => /^(.+)_conflict-\d{8}-\d{6}$/s.exec(s)?.[1] ?? null,
  // OneDrive: name-DESKTOP-AB12 (the machine name, which has a capital a live name cannot have)
  (s) => {
    const parts = s.split('-');
    for (let i = 1; i < parts.length; i++) {
      const suffix = parts.slice(i).join('-');
      if (/[A-Z]/.test(parts[i]!) && /^[A-Za-z0-9-]+$/.test(suffix)) return parts.slice(0, i).join('-');
    }
    return null;
  },
];

function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/** The live name a copy belongs to, undoing up to a few nested copy patterns (a copy of a copy). */
function conflictBase(name: string): string | null {
  const [first, ext] = splitExtension(name);
  if (ext.toLowerCase() !== '.json') return null;
  let stem = first;
  for (let round = 0; round < 4; round++) {
    const next = STRIPS.map((strip) => strip(stem)).find((s) => s !== null && s !== stem && s.trim() !== '');
    if (next === undefined || next === null) return null;
    stem = next.trim();
    if (isArticleFileName(`${stem}.json`)) return `${stem}.json`;
  }
  return null;
}

export function classifySyncFile(name: string): SyncFileKind {
  if (typeof name !== 'string' || name === '' || name.length > 1000) return { kind: 'other' };
  if (isArticleFileName(name)) return { kind: 'live' };
  if (TEMP_PATTERNS.some((p) => p.test(name))) return { kind: 'sync-temp' };
  const base = conflictBase(name.normalize('NFC'));
  return base ? { kind: 'conflict-copy', base } : { kind: 'other' };
}
