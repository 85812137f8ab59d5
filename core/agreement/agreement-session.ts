/**
 * Gathers what `computeAgreement` needs from an open library: the chosen coders (by id or name),
 * the codes (all, or the ones asked for, with their descendants), the chosen articles with their
 * library paths and canonical text lengths, and the coders' highlights on them. The measures stay
 * pure (compute-agreement.ts); this is the one place that reads the store and the library.
 *
 * Default articles: those every chosen coder has marked "coded" or annotated. A coder who read an
 * article and found nothing to code marks it done, so that empty article counts as agreement or
 * disagreement; `--folder` / `--article` choose articles explicitly.
 */
import { inFolder } from '../query/article-query.js';
import { ApiError } from '../errors.js';
import type { Annotation, Tag } from '../model.js';
import { placeAnnotations } from '../export/place-annotations.js';
import { findByPath, subtreeIds, tagPath } from '../store/codebook.js';
import type { CodebookFile } from '../store/store-schema.js';
import { coderIdOf } from '../teams/coder.js';
import { readDoneMarks } from '../store/done-marks-file.js';
import type { ExportSession } from '../export/export-scope.js';
import type {
  AgreementCode,
  AgreementCoder,
  AgreementHighlight,
  AgreementInput,
} from './compute-agreement.js';

export interface AgreementRequest {
  /** Coder ids or display names; at least two. */
  coders: readonly string[];
  /** Tag ids, paths (`Parent/Child`) or names; empty = every tag. */
  tags?: readonly string[];
  withChildren?: boolean;
  /** Only articles in this folder (relative to the library), subfolders included unless `subfolders` is false. */
  folder?: string;
  subfolders?: boolean;
  /** Only these articles: ids or paths relative to the library. */
  articles?: readonly string[];
  overlap?: number;
}

/** Code points in `text` (a surrogate pair counts once, as in the stored offsets). */
function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

async function chooseCoders(session: ExportSession, wanted: readonly string[]): Promise<AgreementCoder[]> {
  const known = await session.annotations.coders();
  const out: AgreementCoder[] = [];
  for (const given of wanted) {
    const w = given.trim();
    const coder =
      known.find((c) => c.id === w) ??
      known.find((c) => c.name === w) ??
      known.find((c) => c.id === coderIdOf(w));
    if (!coder) {
      const names = known.map((c) => c.name).join(', ') || 'none yet';
      throw new ApiError('invalid-input', `No coder "${w}" in this library (its coders: ${names}).`);
    }
    if (out.some((c) => c.id === coder.id))
      throw new ApiError('invalid-input', `Coder "${coder.name}" is named twice.`);
    out.push({ id: coder.id, name: coder.name });
  }
  if (out.length < 2) throw new ApiError('invalid-input', 'Agreement needs at least two coders.');
  return out;
}

function chooseCodes(book: CodebookFile, wanted: readonly string[]): AgreementCode[] {
  const toCode = (t: Tag): AgreementCode => ({
    id: t.id,
    name: t.name,
    path: tagPath(book, t.id),
    descendantIds: subtreeIds(book, t.id).filter((id) => id !== t.id),
  });
  if (wanted.length === 0) return book.tags.map(toCode).sort((a, b) => a.path.localeCompare(b.path));
  return wanted.map((w) => {
    const tag =
      book.tags.find((t) => t.id === w) ??
      findByPath(book, w) ??
      (() => {
        const named = book.tags.filter((t) => t.name === w);
        if (named.length > 1)
          throw new ApiError(
            'invalid-input',
            `Several tags are called "${w}": give its path (Parent/Child).`,
          );
        return named[0] ?? null;
      })();
    if (!tag) throw new ApiError('invalid-input', `No tag "${w}" in the codebook.`);
    return toCode(tag);
  });
}

/** Every coder's articles marked "coded", over the library's writer folders (and the layer below). */
function doneMarksOf(session: ExportSession): Promise<Map<string, Set<string>>> {
  const { dataDir, readOnlyBelow } = session.annotations;
  return readDoneMarks(readOnlyBelow ? [dataDir, readOnlyBelow] : [dataDir]);
}

export async function agreementInput(session: ExportSession, req: AgreementRequest): Promise<AgreementInput> {
  const { library, annotations } = session;
  const coders = await chooseCoders(session, req.coders);
  const chosen = new Set(coders.map((c) => c.id));
  const book: CodebookFile = { schemaVersion: 1, tags: await annotations.listTags(), retired: {} };
  const codes = chooseCodes(book, req.tags ?? []);

  const listed = library.list().articles;
  const byId = new Map(listed.map((a) => [a.id, a]));
  let candidates = listed;
  if (req.articles && req.articles.length > 0) {
    candidates = req.articles.map((given) => {
      const id = byId.has(given) ? given : library.idForPath(given);
      const summary = byId.get(id);
      if (!summary) throw new ApiError('not-found', `No article "${given}" in this library.`);
      return summary;
    });
  }
  if (req.folder !== undefined) {
    const folder = req.folder.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
    // '' is the whole library, whatever `subfolders` says (as in the library list's filter).
    if (folder !== '') candidates = candidates.filter((a) => inFolder(a.folder, folder, req.subfolders));
  }

  // Highlights as stored (UTF-16 hints); placed on the current text below, as exports place them.
  const stored = new Map<string, { coderId: string; annotation: Annotation }[]>();
  for await (const { articleId, annotations: list } of annotations.listEach(candidates.map((a) => a.id))) {
    for (const a of list) {
      const coderId = a.creatorId ?? coderIdOf(a.creator);
      if (!chosen.has(coderId)) continue;
      const forArticle = stored.get(articleId) ?? [];
      forArticle.push({ coderId, annotation: a });
      stored.set(articleId, forArticle);
    }
  }
  const explicit = (req.articles?.length ?? 0) > 0 || req.folder !== undefined;
  const marks = explicit ? new Map<string, Set<string>>() : await doneMarksOf(session);
  const codedByAll = (id: string): boolean => {
    const annotating = new Set((stored.get(id) ?? []).map((h) => h.coderId));
    return coders.every((c) => annotating.has(c.id) || marks.get(c.id)?.has(id) === true);
  };
  const articles = explicit ? candidates : candidates.filter((a) => codedByAll(a.id));
  const withText = [];
  const highlights: AgreementHighlight[] = [];
  for (const a of articles) {
    const { text } = await library.getText(a.id);
    withText.push({ id: a.id, path: a.path, length: codePointLength(text) });
    const list = stored.get(a.id) ?? [];
    // Code-point offsets in the text as it is now: the same numbers the CSV export gives.
    placeAnnotations(
      text,
      list.map((h) => h.annotation),
    ).forEach((placed, i) => {
      if (placed.start === null || placed.end === null) return;
      const { coderId, annotation } = list[i]!;
      highlights.push({
        id: annotation.id,
        coderId,
        articleId: a.id,
        start: placed.start,
        end: placed.end,
        tagIds: annotation.tagIds,
      });
    });
  }
  return {
    coders,
    articles: withText,
    highlights,
    codes,
    options: {
      withChildren: req.withChildren ?? false,
      ...(req.overlap !== undefined ? { overlap: req.overlap } : {}),
    },
  };
}
