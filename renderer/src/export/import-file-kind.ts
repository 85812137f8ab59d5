/**
 * The kinds of file the Import tab takes, told by the file's extension, and how an uploaded file's
 * bytes travel to the host (base64: the API speaks JSON).
 */
import { UiError } from '../ui-error.js';

export type ImportKind = 'json' | 'qdpx' | 'qdc';

export const IMPORT_KINDS: readonly ImportKind[] = ['json', 'qdpx', 'qdc'];

/** What the browser's file picker offers for each kind. */
export const IMPORT_ACCEPT: Record<ImportKind, string> = {
  json: '.json,.jsonld,application/json,application/ld+json',
  qdpx: '.qdpx',
  qdc: '.qdc',
};

/** The kind of a file by its name; null when it is none of them. */
export function importKindOf(fileName: string): ImportKind | null {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  if (ext === 'json' || ext === 'jsonld') return 'json';
  if (ext === 'qdpx' || ext === 'qdc') return ext;
  return null;
}

/** A file's bytes in base64, read by the browser without building a string per byte. */
export function fileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new UiError('fileUnreadable', reader.error?.message));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
