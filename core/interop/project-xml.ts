/**
 * The `project.qde` document of a `.qdpx`: a RefiProject as XML in the project namespace, each
 * element's children in the order Project.xsd's sequences require. Empty lists are left out, as
 * the schema wants at least one member in every list it allows.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { appendCodes } from './codebook-xml.js';
import type { RefiNote, RefiProject, RefiSelection, RefiSource, RefiVariableValue } from './refi-model.js';
import { finishXml, xmlAttr, xmlText } from './xml-text.js';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** Optional attributes: only those with a value. */
function attrs(values: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = String(value);
  return out;
}

export function projectXml(project: RefiProject): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(
    PROJECT_NAMESPACE,
    'Project',
    attrs({
      name: xmlAttr(project.name),
      origin: xmlAttr(project.origin),
      creationDateTime: project.created,
    }),
  );
  if (project.users.length) {
    const users = root.ele('Users');
    for (const u of project.users)
      users.ele('User', { guid: u.guid, name: xmlAttr(u.name), id: xmlAttr(u.id) });
  }
  if (project.codes.length) appendCodes(root.ele('CodeBook'), project.codes);
  if (project.variables.length) {
    const variables = root.ele('Variables');
    for (const v of project.variables) {
      const el = variables.ele('Variable', { guid: v.guid, name: xmlAttr(v.name), typeOfVariable: v.type });
      if (v.description) el.ele('Description').txt(xmlText(v.description));
    }
  }
  if (project.sources.length) {
    const sources = root.ele('Sources');
    for (const source of project.sources) appendSource(sources, source);
  }
  if (project.notes.length) {
    const notes = root.ele('Notes');
    for (const note of project.notes) appendNote(notes, note);
  }
  if (project.sets.length) {
    const sets = root.ele('Sets');
    for (const set of project.sets) {
      const el = sets.ele('Set', { guid: set.guid, name: xmlAttr(set.name) });
      if (set.description) el.ele('Description').txt(xmlText(set.description));
      for (const guid of set.sourceGuids) el.ele('MemberSource', { targetGUID: guid });
    }
  }
  return finishXml(root.end({ prettyPrint: true }));
}

function appendSource(parent: XMLBuilder, source: RefiSource): void {
  const el = parent.ele('TextSource', {
    guid: source.guid,
    name: xmlAttr(source.name),
    plainTextPath: xmlAttr(source.plainTextPath),
  });
  if (source.description) el.ele('Description').txt(xmlText(source.description));
  for (const selection of source.selections) appendSelection(el, selection);
  for (const guid of source.noteGuids) el.ele('NoteRef', { targetGUID: guid });
  for (const value of source.values) appendValue(el, value);
}

function appendSelection(parent: XMLBuilder, s: RefiSelection): void {
  const el = parent.ele(
    'PlainTextSelection',
    attrs({
      guid: s.guid,
      name: xmlAttr(s.name),
      startPosition: s.start,
      endPosition: s.end,
      creatingUser: s.creatingUser,
      creationDateTime: s.created,
      modifyingUser: s.modified ? s.creatingUser : undefined,
      modifiedDateTime: s.modified,
    }),
  );
  if (s.description) el.ele('Description').txt(xmlText(s.description));
  for (const coding of s.codings) {
    el.ele(
      'Coding',
      attrs({ guid: coding.guid, creatingUser: coding.creatingUser, creationDateTime: coding.created }),
    ).ele('CodeRef', { targetGUID: coding.codeGuid });
  }
  for (const guid of s.noteGuids) el.ele('NoteRef', { targetGUID: guid });
}

const VALUE_ELEMENT = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Date: 'DateValue',
  DateTime: 'DateTimeValue',
} as const;

function appendValue(parent: XMLBuilder, value: RefiVariableValue): void {
  const el = parent.ele('VariableValue');
  el.ele('VariableRef', { targetGUID: value.variableGuid });
  el.ele(VALUE_ELEMENT[value.type]).txt(xmlText(value.value));
}

/** A note is a text source with its text inline (`PlainTextContent`). */
function appendNote(parent: XMLBuilder, note: RefiNote): void {
  parent
    .ele(
      'Note',
      attrs({
        guid: note.guid,
        name: xmlAttr(note.name),
        creatingUser: note.creatingUser,
        creationDateTime: note.created,
        modifyingUser: note.modified ? note.creatingUser : undefined,
        modifiedDateTime: note.modified,
      }),
    )
    .ele('PlainTextContent')
    .txt(xmlText(note.text));
}
