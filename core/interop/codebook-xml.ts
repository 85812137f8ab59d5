/**
 * `Code` elements (shared by Project.xsd and Codebook.xsd, which differ only in that a project's
 * codes may carry NoteRefs), and the `.qdc` file: a `CodeBook` root in the codebook namespace.
 */
import { ApiError } from '../errors.js';
import type { RefiCode } from './refi-model.js';
import { XmlWriter } from './xml-writer.js';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** Writes `<Codes>` with the codes, nested (the schema wants at least one code). */
export function writeCodes(xml: XmlWriter, codes: readonly RefiCode[]): void {
  xml.start('Codes');
  for (const code of codes) writeCode(xml, code);
  xml.close();
}

function writeCode(xml: XmlWriter, code: RefiCode): void {
  const attrs = { guid: code.guid, name: code.name, isCodable: 'true', color: code.color };
  if (!code.description && code.children.length === 0) {
    xml.empty('Code', attrs);
    return;
  }
  xml.start('Code', attrs);
  if (code.description) xml.text('Description', code.description);
  for (const child of code.children) writeCode(xml, child);
  xml.close();
}

/** The `.qdc` document. Codebook.xsd requires a code, so an empty codebook is refused. */
export function codebookXml(codes: readonly RefiCode[], origin: string): string {
  if (codes.length === 0)
    throw new ApiError('invalid-input', 'The codebook is empty: a .qdc file needs at least one tag.');
  const xml = new XmlWriter().start('CodeBook', { xmlns: CODEBOOK_NAMESPACE, origin });
  writeCodes(xml, codes);
  return xml.close().take();
}
