/**
 * Gathers a REFI-QDA project from the articles an export visits: each article with its text becomes
 * a TextSource (its canonical text, the text highlights anchor to, goes in the archive), each placed
 * highlight a PlainTextSelection in code points with one Coding per tag, each note a Note referenced
 * from its selection and copied into its Description, each memo a Note on its source, and the
 * metadata Variables. Users are every coder of the library and anyone whose work is exported.
 *
 * What cannot be expressed is left out and counted (`skipped`): highlights of articles whose file
 * is missing or unreadable (there is no text to point into), highlights Gloss cannot place in the
 * current text, and tags a highlight names that are not in the codebook.
 */
import type { ArticleExport } from '../export/export-articles.js';
import type { ExportSession } from '../export/export-scope.js';
import type { PlacedAnnotation } from '../export/place-annotations.js';
import type { Annotation, Tag } from '../model.js';
import { coderIdOf } from '../teams/coder.js';
import { codeGuid, codesFromTags } from './codebook-codes.js';
import { refiGuid } from './refi-guids.js';
import type { RefiNote, RefiProject, RefiSelection, RefiSet, RefiSource, RefiUser } from './refi-model.js';
import { refiOrigin, xsdDateTime } from './refi-model.js';
import { SourceVariables } from './source-variables.js';
import { xmlChars } from './xml-text.js';

/** A named group of articles (Gloss's saved sets), exported as a Set of sources. */
export interface ExportSet {
  name: string;
  articleIds: readonly string[];
  description?: string;
}

export interface CollectOptions {
  projectName: string;
  version?: string;
  now?: Date;
}

/** What could not go into the project, for the user to be told. */
export interface SkippedCounts {
  /** Highlights of articles without a readable text. */
  noText: number;
  /** Highlights Gloss could not find in the article's current text. */
  unplaced: number;
  /** Tags on highlights that the codebook no longer has. */
  unknownTags: number;
}

/** An article's text, to be written as `sources/<guid>.txt`. */
export interface SourceText {
  guid: string;
  /** The archive entry's name. */
  file: string;
  text: string;
}

/** Longest selection name, in code points: the quote is in the source; the name is a label. */
const NAME_LENGTH = 100;
const NOTE_NAME_LENGTH = 60;

/** At most `max` code points, with an ellipsis when shortened. */
export function shortened(text: string, max: number): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max).join('')}…`;
}

export const userGuid = (coderId: string): string => refiGuid('user', coderId);
export const sourceGuid = (articleId: string): string => refiGuid('source', articleId);

export class ProjectCollector {
  readonly skipped: SkippedCounts = { noText: 0, unplaced: 0, unknownTags: 0 };
  /** Selections written. */
  selections = 0;
  private readonly users = new Map<string, string>();
  private readonly sources: RefiSource[] = [];
  private readonly notes: RefiNote[] = [];
  private readonly variables = new SourceVariables();
  private readonly tagIds: Set<string>;

  constructor(
    private readonly session: ExportSession,
    private readonly tags: readonly Tag[],
    private readonly options: CollectOptions,
  ) {
    this.tagIds = new Set(tags.map((t) => t.id));
  }

  /** Takes one visited article; returns its text for the archive, or null when it has none. */
  async add(entry: ArticleExport): Promise<SourceText | null> {
    if (!entry.article) {
      this.skipped.noText += entry.items.length;
      return null;
    }
    const { planned, article } = entry;
    const guid = sourceGuid(planned.id);
    const selections: RefiSelection[] = [];
    for (const item of entry.items) {
      const selection = this.selection(item);
      if (selection) selections.push(selection);
    }
    const source: RefiSource = {
      guid,
      name: article.meta.title || article.summary.title || article.summary.path,
      plainTextPath: `internal://${guid}.txt`,
      selections,
      noteGuids: await this.memoNotes(planned.id, article.meta.title || article.summary.path),
      values: [],
    };
    this.sources.push(source);
    this.variables.add(guid, article.meta);
    return { guid, file: `sources/${guid}.txt`, text: article.text };
  }

  /** The project, once every article has been added. */
  async finish(sets: readonly ExportSet[] = []): Promise<RefiProject> {
    for (const coder of await this.session.annotations.coders()) this.user(coder.id, coder.name);
    const { variables, values } = this.variables.finish();
    for (const source of this.sources) source.values = values.get(source.guid) ?? [];
    const exported = new Set(this.sources.map((s) => s.guid));
    const refiSets: RefiSet[] = sets.map((set) => ({
      guid: refiGuid('set', set.name),
      name: set.name,
      ...(set.description ? { description: set.description } : {}),
      // Only sources in this export can be members (a set may reach outside the export's scope).
      sourceGuids: [...new Set(set.articleIds.map(sourceGuid))].filter((g) => exported.has(g)),
    }));
    return {
      name: this.options.projectName,
      origin: refiOrigin(this.options.version),
      created: (this.options.now ?? new Date()).toISOString(),
      users: [...this.users].map(([id, name]): RefiUser => ({ guid: userGuid(id), name, id })),
      codes: codesFromTags(this.tags),
      variables,
      sources: this.sources,
      notes: this.notes,
      sets: refiSets,
    };
  }

  /** The user GUID of a coder, who is listed among the users from now on. */
  private user(coderId: string, name: string): string {
    if (!this.users.has(coderId)) this.users.set(coderId, name || coderId);
    return userGuid(coderId);
  }

  /** The highlight's coder as a user; files from before coders existed only have a name. */
  private creatorOf(a: Annotation): string | undefined {
    const id = a.creatorId ?? (a.creator ? coderIdOf(a.creator) : undefined);
    return id === undefined ? undefined : this.user(id, a.creator);
  }

  private selection(item: PlacedAnnotation): RefiSelection | null {
    const a = item.annotation;
    if (item.start === null || item.end === null) {
      this.skipped.unplaced++;
      return null;
    }
    const creatingUser = this.creatorOf(a);
    const created = xsdDateTime(a.created);
    const modified = xsdDateTime(a.modified);
    const guid = refiGuid('selection', a.articleId, a.id, a.creatorId ?? '');
    const codings = [];
    for (const tagId of new Set(a.tagIds)) {
      if (!this.tagIds.has(tagId)) {
        this.skipped.unknownTags++;
        continue;
      }
      codings.push({
        guid: refiGuid('coding', guid, tagId),
        codeGuid: codeGuid(tagId),
        ...(creatingUser ? { creatingUser } : {}),
        ...(created ? { created } : {}),
      });
    }
    // A note of nothing but characters XML cannot hold is no note.
    const noteText = xmlChars(a.note);
    const noteGuids: string[] = [];
    if (noteText) {
      const note = refiGuid('note', guid);
      noteGuids.push(note);
      this.notes.push({
        guid: note,
        name: shortened(noteText.trim().split(/\r?\n/, 1)[0]!, NOTE_NAME_LENGTH),
        text: noteText,
        ...(creatingUser ? { creatingUser } : {}),
        ...(created ? { created } : {}),
        ...(modified ? { modified } : {}),
      });
    }
    this.selections++;
    return {
      guid,
      name: shortened(item.exact, NAME_LENGTH),
      start: item.start,
      end: item.end,
      ...(creatingUser ? { creatingUser } : {}),
      ...(created ? { created } : {}),
      ...(modified ? { modified } : {}),
      description: noteText,
      codings,
      noteGuids,
    };
  }

  /** Every coder's memo on the article as a Note; their GUIDs for the source's NoteRefs. */
  private async memoNotes(articleId: string, title: string): Promise<string[]> {
    const { annotations } = this.session;
    const me = annotations.writer.coder;
    const memos = [
      { coderId: me.id, coderName: me.name, memo: await annotations.getMemo(articleId) },
      ...(await annotations.otherMemos(articleId)),
    ].filter((m) => xmlChars(m.memo));
    return memos.map((m) => {
      const guid = refiGuid('memo', articleId, m.coderId);
      this.notes.push({
        guid,
        name: shortened(`Memo: ${title}`, NOTE_NAME_LENGTH),
        text: m.memo,
        creatingUser: this.user(m.coderId, m.coderName),
      });
      return guid;
    });
  }
}
