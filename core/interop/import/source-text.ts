/**
 * The texts a project holds: a source's text (inline, or an internal file, its BOM noted and its
 * encoding detected) and a note's, and notes joined into one highlight note or memo.
 */
import { decodeBytes } from '../../library/decode-bytes.js';
import type { QdaNote, QdaTextSource } from './qda-project.js';
import type { QdpxArchive } from './read-qdpx.js';

/** Largest source text imported (characters), as for article files. */
const MAX_SOURCE_CHARS = 50 * 1024 * 1024;

export interface SourceText {
  raw: string;
  hadBom: boolean;
}

/** The source's text, or why it has none Gloss can import. */
export function sourceTextOf(archive: QdpxArchive, source: QdaTextSource): SourceText | string {
  if (source.content !== null && !source.plainTextPath) {
    const hadBom = source.content.startsWith('\uFEFF');
    return { raw: hadBom ? source.content.slice(1) : source.content, hadBom };
  }
  const path = source.plainTextPath ?? '';
  if (!/^internal:\/\//i.test(path)) {
    if (source.content !== null) return { raw: source.content.replace(/^\uFEFF/, ''), hadBom: false };
    return path ? `its text is outside the project file (${path})` : 'it has no text';
  }
  const bytes = archive.internalFile(path);
  if (!bytes && source.content !== null) return { raw: source.content.replace(/^\uFEFF/, ''), hadBom: false };
  if (!bytes) return `its text file ${path} is missing from the project`;
  const hadBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  const decoded = bytes.length ? decodeBytes(bytes) : { text: '', encoding: 'utf-8', guessed: false };
  if ('binary' in decoded) return `its text file ${path} is not text`;
  if (decoded.text.length > MAX_SOURCE_CHARS) return `its text is too large`;
  // A second BOM (a tool that added one to text that had one) is not text either.
  return { raw: decoded.text.replace(/^\uFEFF/, ''), hadBom };
}

/** The project's notes as text: inline, or in an internal file. */
export function noteText(archive: QdpxArchive, note: QdaNote): string {
  if (note.content !== null) return note.content.replace(/^\uFEFF/, '');
  if (note.plainTextPath) {
    const bytes = archive.internalFile(note.plainTextPath);
    if (bytes) {
      const decoded = decodeBytes(bytes);
      if (!('binary' in decoded)) return decoded.text.replace(/^\uFEFF/, '');
    }
  }
  return '';
}

/** Distinct non-empty texts joined by a blank line (a memo written both as Description and Note once). */
export function joinNotes(texts: readonly string[]): string {
  const out: string[] = [];
  for (const t of texts) {
    const trimmed = t.trim();
    if (trimmed && !out.some((o) => o.trim() === trimmed)) out.push(t);
  }
  return out.join('\n\n');
}
