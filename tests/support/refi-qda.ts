/**
 * Reading Gloss's REFI-QDA exports back in tests: validating XML against the standard's schemas
 * with xmllint, opening a `.qdpx` archive, and parsing `project.qde` with fast-xml-parser (an
 * independent reader: repeated elements always arrays, attributes as strings, text kept as is).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { requiredTool } from './required-tool.js';

const SCHEMAS = path.resolve(import.meta.dirname, '../fixtures/refi-qda');
export const PROJECT_XSD = path.join(SCHEMAS, 'Project.xsd');
export const CODEBOOK_XSD = path.join(SCHEMAS, 'Codebook.xsd');

export const xmllint = requiredTool('xmllint');

/** xmllint's verdict on `xml` against a schema: '' when valid, else its messages. */
export function schemaErrors(xml: string | Uint8Array, schema: string): string {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, '-'], {
    input: xml,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return run.status === 0 ? '' : `${run.stderr}`.trim() || `xmllint exited with ${run.status}`;
}

/** The archive's entries by name. */
export function unzipQdpx(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

const REPEATED = new Set([
  'User',
  'Code',
  'Variable',
  'TextSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'VariableValue',
  'Note',
  'Set',
  'MemberSource',
]);

/** A parsed element: attributes prefixed with `@`, text as `#text`, children by name. */
export type XmlNode = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function parseRefiXml(xml: string): XmlNode {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    textNodeName: '#text',
    // Numeric character references (&#xD; keeps a CR) are decoded only with this option.
    htmlEntities: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    alwaysCreateTextNode: true,
    isArray: (name) => REPEATED.has(name),
  }).parse(xml) as XmlNode;
}

/** Slices `text` by Unicode code points, as the standard counts positions. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}
