/**
 * The `project.qde` document of a `.qdpx`: a RefiProject as XML in the project namespace, each
 * element's children in the order Project.xsd's sequences require. Empty lists are left out, as
 * the schema wants at least one member in every list it allows. Written in pieces (one per
 * source), so the archive can compress it as it is produced.
 */
import { writeCodes } from './codebook-xml.js';
import type { RefiNote, RefiProject, RefiSelection, RefiSource, RefiVariableValue } from './refi-model.js';
import { XmlWriter } from './xml-writer.js';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

export function* projectXmlChunks(project: RefiProject): Generator<string> {
  const xml = new XmlWriter().start('Project', {
    xmlns: PROJECT_NAMESPACE,
    name: project.name,
    origin: project.origin,
    creationDateTime: project.created,
  });
  if (project.users.length) {
    xml.start('Users');
    for (const u of project.users) xml.empty('User', { guid: u.guid, name: u.name, id: u.id });
    xml.close();
  }
  if (project.codes.length) {
    xml.start('CodeBook');
    writeCodes(xml, project.codes);
    xml.close();
  }
  if (project.variables.length) {
    xml.start('Variables');
    for (const v of project.variables) {
      const attrs = { guid: v.guid, name: v.name, typeOfVariable: v.type };
      if (v.description) xml.start('Variable', attrs).text('Description', v.description).close();
      else xml.empty('Variable', attrs);
    }
    xml.close();
  }
  yield xml.take();
  if (project.sources.length) {
    xml.start('Sources');
    for (const source of project.sources) {
      writeSource(xml, source);
      yield xml.take();
    }
    xml.close();
  }
  if (project.notes.length) {
    xml.start('Notes');
    for (const note of project.notes) writeNote(xml, note);
    xml.close();
  }
  if (project.sets.length) {
    xml.start('Sets');
    for (const set of project.sets) {
      xml.start('Set', { guid: set.guid, name: set.name });
      if (set.description) xml.text('Description', set.description);
      for (const guid of set.sourceGuids) xml.empty('MemberSource', { targetGUID: guid });
      xml.close();
    }
    xml.close();
  }
  yield xml.close().take();
}

/** The whole document as one string. */
export function projectXml(project: RefiProject): string {
  return [...projectXmlChunks(project)].join('');
}

function writeSource(xml: XmlWriter, source: RefiSource): void {
  xml.start('TextSource', { guid: source.guid, name: source.name, plainTextPath: source.plainTextPath });
  if (source.description) xml.text('Description', source.description);
  for (const selection of source.selections) writeSelection(xml, selection);
  for (const guid of source.noteGuids) xml.empty('NoteRef', { targetGUID: guid });
  for (const value of source.values) writeValue(xml, value);
  xml.close();
}

function writeSelection(xml: XmlWriter, s: RefiSelection): void {
  xml.start('PlainTextSelection', {
    guid: s.guid,
    name: s.name,
    startPosition: s.start,
    endPosition: s.end,
    creatingUser: s.creatingUser,
    creationDateTime: s.created,
    modifyingUser: s.modified ? s.creatingUser : undefined,
    modifiedDateTime: s.modified,
  });
  if (s.description) xml.text('Description', s.description);
  for (const coding of s.codings) {
    xml
      .start('Coding', {
        guid: coding.guid,
        creatingUser: coding.creatingUser,
        creationDateTime: coding.created,
      })
      .empty('CodeRef', { targetGUID: coding.codeGuid })
      .close();
  }
  for (const guid of s.noteGuids) xml.empty('NoteRef', { targetGUID: guid });
  xml.close();
}

const VALUE_ELEMENT = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Date: 'DateValue',
  DateTime: 'DateTimeValue',
} as const;

function writeValue(xml: XmlWriter, value: RefiVariableValue): void {
  xml
    .start('VariableValue')
    .empty('VariableRef', { targetGUID: value.variableGuid })
    .text(VALUE_ELEMENT[value.type], value.value)
    .close();
}

/** A note is a text source with its text inline (`PlainTextContent`). */
function writeNote(xml: XmlWriter, note: RefiNote): void {
  xml
    .start('Note', {
      guid: note.guid,
      name: note.name,
      creatingUser: note.creatingUser,
      creationDateTime: note.created,
      modifyingUser: note.modified ? note.creatingUser : undefined,
      modifiedDateTime: note.modified,
    })
    .text('PlainTextContent', note.text)
    .close();
}
