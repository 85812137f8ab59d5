/**
 * `Code` elements (shared by Project.xsd and Codebook.xsd, which differ only in that a project's
 * codes may carry NoteRefs), and the `.qdc` file: a `CodeBook` root in the codebook namespace.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { ApiError } from '../errors.js';
import type { RefiCode } from './refi-model.js';
import { finishXml, xmlAttr, xmlText } from './xml-text.js';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** Appends `<Codes>` with the codes, nested, to `parent` (the schema wants at least one code). */
export function appendCodes(parent: XMLBuilder, codes: readonly RefiCode[]): void {
  const list = parent.ele('Codes');
  for (const code of codes) appendCode(list, code);
}

function appendCode(parent: XMLBuilder, code: RefiCode): void {
  const el = parent.ele('Code', {
    guid: code.guid,
    name: xmlAttr(code.name),
    isCodable: 'true',
    ...(code.color ? { color: code.color } : {}),
  });
  if (code.description) el.ele('Description').txt(xmlText(code.description));
  for (const child of code.children) appendCode(el, child);
}

/** The `.qdc` document. Codebook.xsd requires a code, so an empty codebook is refused. */
export function codebookXml(codes: readonly RefiCode[], origin: string): string {
  if (codes.length === 0)
    throw new ApiError('invalid-input', 'The codebook is empty: a .qdc file needs at least one tag.');
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(CODEBOOK_NAMESPACE, 'CodeBook', {
    origin: xmlAttr(origin),
  });
  appendCodes(root, codes);
  return finishXml(root.end({ prettyPrint: true }));
}
