/**
 * A REFI-QDA project as the importer needs it, read from the XML tree of `project.qde` (or a
 * `.qdc` codebook): users, the code tree, variables, text sources with their selections, codings,
 * notes and variable values, and the notes themselves. Only what Gloss can hold is read in full;
 * other kinds of source are listed by name so the report can say they were left out. GUIDs are
 * compared without braces and case (the standard allows both).
 */
import { ApiError } from '../../errors.js';
import { attr, child, children, textOf, type XmlElement } from './parse-xml.js';

export interface QdaUser {
  guid: string;
  name: string;
}

export interface QdaCode {
  guid: string;
  name: string;
  /** `#RRGGBB` as written, or null. */
  color: string | null;
  description: string;
  isCodable: boolean;
  children: QdaCode[];
}

export interface QdaCoding {
  guid: string;
  codeGuid: string;
  userGuid: string | null;
  created: string | null;
  noteGuids: string[];
}

export interface QdaSelection {
  guid: string;
  /** Tools often put the selected text here (QualCoder does): evidence for the offset convention. */
  name: string;
  start: number;
  end: number;
  userGuid: string | null;
  created: string | null;
  modified: string | null;
  /** What other tools show as the coding memo. */
  description: string;
  codings: QdaCoding[];
  noteGuids: string[];
}

export interface QdaVariableValue {
  variableGuid: string;
  value: string;
}

export interface QdaTextSource {
  guid: string;
  name: string;
  plainTextPath: string | null;
  /** Inline `PlainTextContent`, when the text is not in a file. */
  content: string | null;
  description: string;
  selections: QdaSelection[];
  /** Codings of the source as a whole. */
  codings: QdaCoding[];
  noteGuids: string[];
  variables: QdaVariableValue[];
  userGuid: string | null;
  created: string | null;
}

export interface QdaNote {
  guid: string;
  name: string;
  content: string | null;
  plainTextPath: string | null;
  userGuid: string | null;
  created: string | null;
  /** Passages the note is about (QualCoder writes its annotations this way). */
  selections: QdaSelection[];
}

export interface QdaVariable {
  guid: string;
  name: string;
  type: string;
}

export interface QdaProject {
  name: string;
  origin: string | null;
  created: string | null;
  modified: string | null;
  users: QdaUser[];
  codes: QdaCode[];
  variables: QdaVariable[];
  sources: QdaTextSource[];
  notes: Map<string, QdaNote>;
  /** Sources of kinds Gloss does not import. */
  otherSources: { name: string; kind: string }[];
}

/** `{ABC-…}` and `abc-…` are the same GUID. */
export function normalizeGuid(guid: string | undefined): string {
  return (guid ?? '')
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
}

function optionalGuid(guid: string | undefined): string | null {
  const g = normalizeGuid(guid);
  return g === '' ? null : g;
}

function integer(value: string | undefined): number {
  const n = value === undefined ? NaN : Number(value.trim());
  return Number.isSafeInteger(n) ? n : NaN;
}

function noteRefs(el: XmlElement): string[] {
  return children(el, 'NoteRef')
    .map((r) => normalizeGuid(attr(r, 'targetGUID')))
    .filter(Boolean);
}

function readCoding(el: XmlElement): QdaCoding | null {
  const codeGuid = normalizeGuid(attr(child(el, 'CodeRef'), 'targetGUID'));
  if (!codeGuid) return null;
  return {
    guid: normalizeGuid(attr(el, 'guid')),
    codeGuid,
    userGuid: optionalGuid(attr(el, 'creatingUser')),
    created: attr(el, 'creationDateTime') ?? null,
    noteGuids: noteRefs(el),
  };
}

function readSelection(el: XmlElement): QdaSelection {
  return {
    guid: normalizeGuid(attr(el, 'guid')),
    name: attr(el, 'name') ?? '',
    start: integer(attr(el, 'startPosition')),
    end: integer(attr(el, 'endPosition')),
    userGuid: optionalGuid(attr(el, 'creatingUser')),
    created: attr(el, 'creationDateTime') ?? null,
    modified: attr(el, 'modifiedDateTime') ?? null,
    description: textOf(child(el, 'Description')),
    codings: children(el, 'Coding').flatMap((c) => readCoding(c) ?? []),
    noteGuids: noteRefs(el),
  };
}

export function readCodes(parent: XmlElement | undefined): QdaCode[] {
  return children(parent, 'Code').map((el) => ({
    guid: normalizeGuid(attr(el, 'guid')),
    name: attr(el, 'name') ?? '',
    color: attr(el, 'color')?.trim() || null,
    description: textOf(child(el, 'Description')),
    isCodable: attr(el, 'isCodable')?.trim() !== 'false',
    children: readCodes(el),
  }));
}

const VALUE_ELEMENTS = [
  'TextValue',
  'BooleanValue',
  'IntegerValue',
  'FloatValue',
  'DateValue',
  'DateTimeValue',
];

function readVariableValues(el: XmlElement): QdaVariableValue[] {
  return children(el, 'VariableValue').map((v) => {
    const valueEl = VALUE_ELEMENTS.map((name) => child(v, name)).find(Boolean);
    return {
      variableGuid: normalizeGuid(attr(child(v, 'VariableRef'), 'targetGUID')),
      value: textOf(valueEl),
    };
  });
}

function readTextSource(el: XmlElement): QdaTextSource {
  const content = child(el, 'PlainTextContent');
  return {
    guid: normalizeGuid(attr(el, 'guid')),
    name: attr(el, 'name') ?? '',
    plainTextPath: attr(el, 'plainTextPath') ?? null,
    content: content ? textOf(content) : null,
    description: textOf(child(el, 'Description')),
    selections: children(el, 'PlainTextSelection').map(readSelection),
    codings: children(el, 'Coding').flatMap((c) => readCoding(c) ?? []),
    noteGuids: noteRefs(el),
    variables: readVariableValues(el),
    userGuid: optionalGuid(attr(el, 'creatingUser')),
    created: attr(el, 'creationDateTime') ?? null,
  };
}

function readNote(el: XmlElement): QdaNote {
  const content = child(el, 'PlainTextContent');
  return {
    guid: normalizeGuid(attr(el, 'guid')),
    name: attr(el, 'name') ?? '',
    content: content ? textOf(content) : null,
    plainTextPath: attr(el, 'plainTextPath') ?? null,
    userGuid: optionalGuid(attr(el, 'creatingUser')),
    created: attr(el, 'creationDateTime') ?? null,
    selections: children(el, 'PlainTextSelection').map(readSelection),
  };
}

const OTHER_SOURCES = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'];

/** The project in a parsed `.qde`; throws ApiError('invalid-input') when the root is not a Project. */
export function readProject(doc: XmlElement): QdaProject {
  const project = child(doc, 'Project');
  if (!project)
    throw new ApiError('invalid-input', 'This file holds no REFI-QDA project (no <Project> element).');
  const sources = child(project, 'Sources');
  const notes = new Map<string, QdaNote>();
  for (const el of children(child(project, 'Notes'), 'Note')) {
    const note = readNote(el);
    if (note.guid) notes.set(note.guid, note);
  }
  return {
    name: attr(project, 'name')?.trim() || 'Project',
    origin: attr(project, 'origin')?.trim() || null,
    created: attr(project, 'creationDateTime') ?? null,
    modified: attr(project, 'modifiedDateTime') ?? null,
    users: children(child(project, 'Users'), 'User').map((u) => ({
      guid: normalizeGuid(attr(u, 'guid')),
      name: attr(u, 'name')?.trim() || attr(u, 'id')?.trim() || '',
    })),
    codes: readCodes(child(child(project, 'CodeBook'), 'Codes')),
    variables: children(child(project, 'Variables'), 'Variable').map((v) => ({
      guid: normalizeGuid(attr(v, 'guid')),
      name: attr(v, 'name') ?? '',
      type: attr(v, 'typeOfVariable') ?? 'Text',
    })),
    sources: children(sources, 'TextSource').map(readTextSource),
    notes,
    otherSources: OTHER_SOURCES.flatMap((kind) =>
      children(sources, kind).map((el) => ({ name: attr(el, 'name') ?? '', kind })),
    ),
  };
}

/** The code tree of a parsed `.qdc` (root `CodeBook`, its `Codes`). */
export function readCodebookDocument(doc: XmlElement): QdaCode[] {
  // A project's XML given as a codebook: its codebook.
  if (!child(doc, 'CodeBook') && child(doc, 'Project')) return readProject(doc).codes;
  const book = child(doc, 'CodeBook');
  if (!book)
    throw new ApiError('invalid-input', 'This file holds no REFI-QDA codebook (no <CodeBook> element).');
  return readCodes(child(book, 'Codes'));
}
