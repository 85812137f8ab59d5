/**
 * `gloss import DIR FILE.qdc` and the Import dialog's codebook import: a REFI-QDA codebook merged
 * into the library's by name path (merge-codes.ts), with a report of what was created, what was
 * there already and which names had to change.
 */
import { ApiError } from '../../errors.js';
import { decodeBytes } from '../../library/decode-bytes.js';
import type { AnnotationService } from '../../store/annotation-service.js';
import type { CodebookImportReport } from './import-report.js';
import type { ImportFile } from './import-file.js';
import { mergeCodes } from './merge-codes.js';
import { parseXml } from './parse-xml.js';
import { readCodebookDocument, readProject } from './qda-project.js';
import { readQdpx } from './read-qdpx.js';

/** The text of an XML file, whatever its encoding (BOMs, UTF-16, legacy encodings). */
export function xmlText(bytes: Uint8Array, what: string): string {
  const decoded = decodeBytes(bytes);
  if ('binary' in decoded) throw new ApiError('invalid-input', `${what} is not a text file.`);
  return decoded.text;
}

export async function importCodebookFile(
  store: AnnotationService,
  file: ImportFile,
  opts: { dryRun: boolean },
): Promise<CodebookImportReport> {
  if (!opts.dryRun && store.readOnly) throw new ApiError('read-only', store.readOnly.reason);
  // A project's codebook is a codebook too: take it from a .qdpx as well.
  const isZip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  const codes = isZip
    ? readProject(parseXml(xmlText(readQdpx(file.bytes).qde, 'The project'), 'The project')).codes
    : readCodebookDocument(parseXml(xmlText(file.bytes, 'The codebook'), 'The codebook'));
  const { report } = await mergeCodes(store, codes, opts.dryRun);
  return { fileName: file.fileName, dryRun: opts.dryRun, ...report, warnings: [] };
}
