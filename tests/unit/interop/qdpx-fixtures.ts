// Test builders for REFI-QDA projects as NVivo, ATLAS.ti and QualCoder write them, written by hand
// from the standard (REFI-QDA 1.5, Project.xsd) and what is known of each tool
// (../shared/research/interop.md, QualCoder's refi.py): the ZIP bytes are made here, so every
// fixture says in code what it holds and where each selection must land.
import { strToU8, zipSync } from 'fflate';

export type ToolStyle = 'qualcoder' | 'nvivo' | 'atlas' | 'standard';

export interface FixtureCode {
  guid: string;
  name: string;
  color?: string;
  description?: string;
  children?: FixtureCode[];
}

export interface FixtureSelection {
  guid: string;
  /** The text selected; `occurrence` picks among repeats (0 = first). */
  quote: string;
  occurrence?: number;
  /** Code GUIDs applied. */
  codes: string[];
  /** User GUID. */
  user: string;
  description?: string;
  /** A note (Note + NoteRef) on the selection. */
  note?: string;
  /** A zero-length selection at the quote's start (ATLAS.ti writes these). */
  zeroLength?: boolean;
  /** Positions written as given, ignoring the quote (a broken export). */
  rawPositions?: [number, number];
}

export interface FixtureSource {
  guid: string;
  name: string;
  /** The text, with LF line breaks; each tool writes its own line breaks. */
  text: string;
  selections: FixtureSelection[];
  variables?: Record<string, string>;
  /** A note on the source (Note + NoteRef), by this user. */
  memo?: { user: string; text: string };
}

export interface FixtureProject {
  name: string;
  users: { guid: string; name: string }[];
  codes: FixtureCode[];
  sources: FixtureSource[];
}

const esc = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');

const codePoints = (s: string): number => [...s].length;

/** UTF-16 offset of the quote's occurrence in the LF text. */
export function indexOfOccurrence(text: string, quote: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`"${quote}" does not occur ${occurrence + 1} times`);
  }
  return at;
}

/** The position of LF-text offset `i` as each tool counts it in the file it writes. */
export function positionIn(style: ToolStyle, text: string, i: number): number {
  const before = text.slice(0, i);
  const lineBreaks = before.split('\n').length - 1;
  switch (style) {
    case 'nvivo': // UTF-16 units of the CR LF file
      return before.length + lineBreaks;
    case 'atlas': // code points, a line break once
    case 'qualcoder': // code points of its LF text
    case 'standard':
      return codePoints(before);
  }
}

function fileText(style: ToolStyle, text: string): Uint8Array {
  const crlf = style === 'nvivo' || style === 'atlas' ? text.replace(/\n/g, '\r\n') : text;
  const bom = style === 'nvivo' || style === 'qualcoder' ? '\uFEFF' : '';
  return strToU8(bom + crlf);
}

const ORIGIN: Record<ToolStyle, string> = {
  qualcoder: 'QualCoder 3.6',
  nvivo: 'NVivo 14.24.0 (Windows)',
  atlas: 'ATLAS.ti 24.1.0',
  standard: 'Test',
};

function codeXml(style: ToolStyle, c: FixtureCode): string {
  // ATLAS.ti drops code colours.
  const color = c.color && style !== 'atlas' ? ` color="${c.color}"` : '';
  const inner =
    (c.description ? `<Description>${esc(c.description)}</Description>` : '') +
    (c.children ?? []).map((x) => codeXml(style, x)).join('');
  return `<Code guid="${c.guid}" name="${esc(c.name)}" isCodable="true"${color}>${inner}</Code>`;
}

/** The `.qdpx` bytes of the project as `style` writes it. */
export function buildQdpx(style: ToolStyle, project: FixtureProject): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const folder = style === 'nvivo' ? 'Sources' : 'sources';
  const notes: string[] = [];
  let noteCount = 0;
  const note = (user: string, text: string, inner = ''): string => {
    const guid = `0000aaaa-0000-4000-8000-${String(++noteCount).padStart(12, '0')}`;
    notes.push(
      `<Note guid="${guid}" creatingUser="${user}"><PlainTextContent>${esc(text)}</PlainTextContent>${inner}</Note>`,
    );
    return guid;
  };

  const sources = project.sources.map((source) => {
    const fileGuid = source.guid.toUpperCase();
    files[`${folder}/${fileGuid}.txt`] = fileText(style, source.text);
    let selections = '';
    const sourceNoteRefs: string[] = [];
    for (const sel of source.selections) {
      const at = indexOfOccurrence(source.text, sel.quote, sel.occurrence);
      let start = positionIn(style, source.text, at);
      let end = sel.zeroLength ? start : positionIn(style, source.text, at + sel.quote.length);
      if (sel.rawPositions) [start, end] = sel.rawPositions;
      const name =
        style === 'qualcoder'
          ? sel.quote
          : style === 'atlas'
            ? sel.quote.slice(0, 12)
            : `Selection ${sel.guid.slice(0, 4)}`;
      const description = sel.description ? `<Description>${esc(sel.description)}</Description>` : '';
      const coding = (code: string) =>
        `<Coding guid="${code.slice(0, 8)}-${sel.guid.slice(9)}" creatingUser="${sel.user}"><CodeRef targetGUID="${code}"/></Coding>`;
      const attrs = (guid: string) =>
        `guid="${guid}" name="${esc(name)}" startPosition="${start}" endPosition="${end}" creatingUser="${sel.user}" creationDateTime="2024-05-01T08:00:00Z"`;
      if (style === 'qualcoder') {
        // One selection per code applied; an annotation is a Note holding the passage.
        sel.codes.forEach((code, k) => {
          const guid = k === 0 ? sel.guid : `${sel.guid.slice(0, 24)}${String(k).padStart(12, '0')}`;
          selections += `<PlainTextSelection ${attrs(guid)}>${description}${coding(code)}</PlainTextSelection>`;
        });
        if (sel.note) {
          const inner = `<PlainTextSelection guid="${sel.guid.slice(0, 24)}ffffffffffff" startPosition="${start}" endPosition="${end}"/>`;
          sourceNoteRefs.push(note(sel.user, sel.note, inner));
        }
      } else {
        const noteRef = sel.note ? `<NoteRef targetGUID="${note(sel.user, sel.note)}"/>` : '';
        selections += `<PlainTextSelection ${attrs(sel.guid)}>${description}${sel.codes.map(coding).join('')}${noteRef}</PlainTextSelection>`;
      }
    }
    if (source.memo) sourceNoteRefs.push(note(source.memo.user, source.memo.text));
    const values = Object.entries(source.variables ?? {})
      .map(
        ([name, value]) =>
          `<VariableValue><VariableRef targetGUID="${variableGuid(name)}"/><TextValue>${esc(value)}</TextValue></VariableValue>`,
      )
      .join('');
    return (
      `<TextSource guid="${source.guid}" name="${esc(source.name)}" plainTextPath="internal://${fileGuid}.txt">` +
      selections +
      sourceNoteRefs.map((g) => `<NoteRef targetGUID="${g}"/>`).join('') +
      values +
      `</TextSource>`
    );
  });
  const variableNames = [...new Set(project.sources.flatMap((s) => Object.keys(s.variables ?? {})))];
  const xml =
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<Project xmlns="urn:QDA-XML:project:1.0" name="${esc(project.name)}" origin="${ORIGIN[style]}">` +
    `<Users>${project.users.map((u) => `<User guid="${u.guid}" name="${esc(u.name)}"/>`).join('')}</Users>` +
    `<CodeBook><Codes>${project.codes.map((c) => codeXml(style, c)).join('')}</Codes></CodeBook>` +
    (variableNames.length
      ? `<Variables>${variableNames.map((n) => `<Variable guid="${variableGuid(n)}" name="${esc(n)}" typeOfVariable="Text"/>`).join('')}</Variables>`
      : '') +
    `<Sources>${sources.join('')}</Sources>` +
    (notes.length ? `<Notes>${notes.join('')}</Notes>` : '') +
    `</Project>`;
  const qdeName = style === 'atlas' ? `${project.name}.qde` : 'project.qde';
  // NVivo writes its XML with a byte order mark too.
  files[qdeName] = strToU8((style === 'nvivo' ? '\uFEFF' : '') + xml);
  return zipSync(files);
}

function variableGuid(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return `7a7a7a7a-0000-4000-8000-${h.toString(16).padStart(12, '0')}`;
}
