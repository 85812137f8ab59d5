/**
 * A REFI-QDA project as Gloss writes it: plain data in the shape of the standard's elements (see
 * Project.xsd), gathered from a library by `collect-project.ts` and serialised by `project-xml.ts`.
 * Strings are as Gloss holds them; the XML writer makes them safe.
 */

export interface RefiUser {
  guid: string;
  name: string;
  /** The Gloss coder id (the standard's free `id` attribute). */
  id: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  /** `#RRGGBB`, or absent when the tag's colour is not one. */
  color?: string;
  description: string;
  children: RefiCode[];
}

export interface RefiCoding {
  guid: string;
  codeGuid: string;
  creatingUser?: string;
  created?: string;
}

export interface RefiSelection {
  guid: string;
  /** The quote (shortened). */
  name: string;
  /** Unicode code points into the source's text; the end is exclusive. */
  start: number;
  end: number;
  creatingUser?: string;
  created?: string;
  modified?: string;
  /** The highlight's note, which other tools show as the coding memo. */
  description: string;
  codings: RefiCoding[];
  noteGuids: string[];
}

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariable {
  guid: string;
  name: string;
  type: RefiVariableType;
  description?: string;
}

export interface RefiVariableValue {
  variableGuid: string;
  type: RefiVariableType;
  /** The value in the XML Schema form of its type (e.g. `2024-03-05` for a Date). */
  value: string;
}

export interface RefiSource {
  guid: string;
  name: string;
  /** `internal://<guid>.txt`: the text is a file in the archive's `sources/` folder. */
  plainTextPath: string;
  description?: string;
  selections: RefiSelection[];
  noteGuids: string[];
  values: RefiVariableValue[];
}

export interface RefiNote {
  guid: string;
  name: string;
  text: string;
  creatingUser?: string;
  created?: string;
  modified?: string;
}

export interface RefiSet {
  guid: string;
  name: string;
  description?: string;
  sourceGuids: string[];
}

export interface RefiProject {
  name: string;
  /** `Gloss <version>`. */
  origin: string;
  created: string;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  sources: RefiSource[];
  notes: RefiNote[];
  sets: RefiSet[];
}

/** `Gloss 1.2.3`: the `origin` other tools read to know who wrote a file. */
export function refiOrigin(version: string | undefined): string {
  return version ? `Gloss ${version}` : 'Gloss';
}

const XSD_DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** An ISO time as `xs:dateTime`, or undefined when it is not one (hand-edited files). */
export function xsdDateTime(value: string | null | undefined): string | undefined {
  return value && XSD_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}
