/**
 * Opens a `.qdpx` (a ZIP) as hostile input: only the project XML and the plain-text files under
 * `sources/` are inflated, each within a size limit and all within a total (a ZIP bomb is refused
 * from the sizes its directory declares, before anything is inflated). Tools disagree on names:
 * the XML is `project.qde` or `<project name>.qde`, the folder `sources/` or `Sources/`, so both
 * are matched without regard to case. Nothing is written to disk; entries are looked up by name.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { ApiError } from '../../errors.js';

/** Largest project file read (bytes). */
export const MAX_PROJECT_BYTES = 300 * 1024 * 1024;
/** Largest single entry inflated (the XML or one text file). */
export const MAX_ENTRY_BYTES = 200 * 1024 * 1024;
/** Most bytes inflated from one project. */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;
/** Most entries looked at. */
export const MAX_ENTRIES = 200_000;

export interface QdpxArchive {
  /** The project XML's name in the ZIP. */
  qdeName: string;
  qde: Uint8Array;
  /** The bytes of an internal file (`internal://<name>`, or a bare name), or null when absent. */
  internalFile(path: string): Uint8Array | null;
  warnings: string[];
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b;

function folderOf(name: string): string {
  const at = name.lastIndexOf('/');
  return at < 0 ? '' : name.slice(0, at + 1);
}

export function readQdpx(bytes: Uint8Array): QdpxArchive {
  if (bytes.byteLength > MAX_PROJECT_BYTES)
    throw new ApiError('invalid-input', 'The project file is too large to import.');
  if (!isZip(bytes)) {
    // A bare project XML (the `.qde` alone): readable, with its texts inline.
    if (/^(\uFEFF)?\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64))))
      return { qdeName: 'project.qde', qde: bytes, internalFile: () => null, warnings: [] };
    throw new ApiError('invalid-input', 'This is not a REFI-QDA project: a .qdpx file is a ZIP archive.');
  }
  let entries = 0;
  let inflated = 0;
  const wanted = (file: UnzipFileInfo): boolean => {
    if (++entries > MAX_ENTRIES) throw new ApiError('invalid-input', 'The project has too many files.');
    const name = file.name.toLowerCase();
    const depth = name.split('/').length - 1;
    const isQde = name.endsWith('.qde') && depth <= 1;
    const isText = name.endsWith('.txt') && /(^|\/)sources\/[^/]+$/.test(name) && depth <= 2;
    if (!isQde && !isText) return false;
    if (file.originalSize > MAX_ENTRY_BYTES) return false;
    inflated += file.originalSize;
    if (inflated > MAX_INFLATED_BYTES)
      throw new ApiError('invalid-input', 'The project unpacks to more than Gloss imports.');
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: wanted });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(
      'invalid-input',
      `The project file is not a readable ZIP archive: ${(err as Error).message}`,
    );
  }
  const names = Object.keys(files);
  const qdes = names
    .filter((n) => n.toLowerCase().endsWith('.qde'))
    .sort(
      (a, b) =>
        a.split('/').length - b.split('/').length ||
        Number(!/project\.qde$/i.test(a)) - Number(!/project\.qde$/i.test(b)) ||
        a.localeCompare(b),
    );
  const qdeName = qdes[0];
  if (qdeName === undefined)
    throw new ApiError('invalid-input', 'The project file holds no project XML (.qde).');
  const warnings =
    qdes.length > 1 ? [`The archive holds ${qdes.length} project files; ${qdeName} was read.`] : [];
  const base = folderOf(qdeName).toLowerCase();
  const byName = new Map<string, Uint8Array>();
  for (const n of names) {
    const lower = n.toLowerCase();
    if (lower.startsWith(`${base}sources/`))
      byName.set(lower.slice(base.length + 'sources/'.length), files[n]!);
  }
  return {
    qdeName,
    qde: files[qdeName]!,
    internalFile(path) {
      const name = path
        .replace(/^internal:\/\//i, '')
        .replace(/^\/+/, '')
        .toLowerCase();
      return byName.get(name) ?? null;
    },
    warnings,
  };
}
