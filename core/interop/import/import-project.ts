/**
 * Imports a REFI-QDA project (`.qdpx`) into the open library (issue 20):
 * 1. the ZIP and its XML are read as hostile input (read-qdpx.ts, parse-xml.ts);
 * 2. codes are merged into the codebook by name path (merge-codes.ts);
 * 3. each text source is read (BOM stripped, encoding detected), its selections' positions are
 *    read in the convention its text proves (offset-conventions.ts), and it is matched to a library
 *    article by its text (match-article.ts) or added as a new article under `imported/`;
 * 4. every selection is placed on the article's canonical text through Gloss's anchoring and
 *    verified against its quote (place-on-article.ts) — placed, approximate, or unplaced (stored
 *    for review when its text is known, so it shows under "Needs review");
 * 5. each coding becomes a highlight of its user, as a coder of its own (`restoreManyAs`: the
 *    `<coder>.import-<installation>` writer folder), with the codes as tags and the notes (the
 *    selection's `Description` and its `Note`s) as its note; notes on a source become that coder's
 *    memo on the article; variables go into a new article's front matter and into the report.
 * Highlight ids come from the selection GUIDs, so importing the same project twice writes nothing.
 * With `dryRun` nothing is written: no tags, no files, no highlights; the report is the same.
 */
import { createHash } from 'node:crypto';
import { describeRange } from '../../anchor/describe-range.js';
import type { TextRange } from '../../anchor/text-range.js';
import { ApiError } from '../../errors.js';
import type { ExportSession } from '../../export/export-scope.js';
import { samePlaceTagsNote } from '../../export/import-annotations.js';
import { decodeBytes } from '../../library/decode-bytes.js';
import { buildArticle } from '../../library/load-article.js';
import { parseArticleBytes } from '../../library/read-article.js';
import { plainTextToHtml } from '../../clean/plain-text-to-html.js';
import type { Annotation, Coder } from '../../model.js';
import type { ArticleRef } from '../../store/annotation-service.js';
import { coderIdOf } from '../../teams/coder.js';
import { xmlText } from './import-codebook.js';
import type { ImportFile } from './import-file.js';
import type { ProjectImportReport } from './import-report.js';
import { findArticle } from './match-article.js';
import { mergeCodes } from './merge-codes.js';
import { articleFileText, writeNewArticle } from './new-article-file.js';
import {
  conventionName,
  conventionsFor,
  normalizeSourceText,
  placeInSource,
  SourcePositions,
  withoutSpace,
} from './offset-conventions.js';
import { parseXml } from './parse-xml.js';
import { placeOnArticle, SpacelessText } from './place-on-article.js';
import type { QdaCoding, QdaNote, QdaProject, QdaSelection, QdaTextSource } from './qda-project.js';
import { readProject } from './qda-project.js';
import { readQdpx, type QdpxArchive } from './read-qdpx.js';

export { MAX_PROJECT_BYTES } from './read-qdpx.js';

/** Largest source text imported (characters), as for article files. */
const MAX_SOURCE_CHARS = 50 * 1024 * 1024;

interface SourceText {
  raw: string;
  hadBom: boolean;
}

/** The article a source's selections go on. */
interface TargetArticle {
  articleId: string;
  text: string;
  spaceless: SpacelessText;
  ref: ArticleRef;
}

/** A highlight to store, with whose it is. */
interface Planned {
  coder: Coder;
  annotation: Annotation;
}

function emptyReport(file: ImportFile, project: QdaProject, dryRun: boolean): ProjectImportReport {
  return {
    fileName: file.fileName,
    projectName: project.name,
    origin: project.origin,
    dryRun,
    placed: 0,
    approximate: 0,
    approximateSelections: [],
    unplaced: [],
    newArticles: [],
    matchedArticles: [],
    coders: [],
    codes: { created: [], existing: [], renamed: [] },
    highlightsWritten: 0,
    notes: 0,
    memos: 0,
    variables: [],
    skippedSources: project.otherSources.map((s) => ({ source: s.name, kind: s.kind })),
    conventions: [],
    warnings: [],
  };
}

/** A stable UUID-shaped id from parts (for a second user's highlight of one selection). */
function derivedId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function sourceTextOf(archive: QdpxArchive, source: QdaTextSource): SourceText | string {
  if (source.content !== null && !source.plainTextPath) {
    const hadBom = source.content.startsWith('\uFEFF');
    return { raw: hadBom ? source.content.slice(1) : source.content, hadBom };
  }
  const path = source.plainTextPath ?? '';
  if (!/^internal:\/\//i.test(path)) {
    if (source.content !== null) return { raw: source.content.replace(/^\uFEFF/, ''), hadBom: false };
    return path ? `its text is outside the project file (${path})` : 'it has no text';
  }
  const bytes = archive.internalFile(path);
  if (!bytes && source.content !== null) return { raw: source.content.replace(/^\uFEFF/, ''), hadBom: false };
  if (!bytes) return `its text file ${path} is missing from the project`;
  const hadBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  const decoded = bytes.length ? decodeBytes(bytes) : { text: '', encoding: 'utf-8', guessed: false };
  if ('binary' in decoded) return `its text file ${path} is not text`;
  if (decoded.text.length > MAX_SOURCE_CHARS) return `its text is too large`;
  // A second BOM (a tool that added one to text that had one) is not text either.
  return { raw: decoded.text.replace(/^\uFEFF/, ''), hadBom };
}

/** The project's notes as text: inline, or in an internal file. */
function noteText(archive: QdpxArchive, note: QdaNote): string {
  if (note.content !== null) return note.content.replace(/^\uFEFF/, '');
  if (note.plainTextPath) {
    const bytes = archive.internalFile(note.plainTextPath);
    if (bytes) {
      const decoded = decodeBytes(bytes);
      if (!('binary' in decoded)) return decoded.text.replace(/^\uFEFF/, '');
    }
  }
  return '';
}

/** Distinct non-empty texts joined by a blank line (a memo written both as Description and Note once). */
function joinNotes(texts: readonly string[]): string {
  const out: string[] = [];
  for (const t of texts) {
    const trimmed = t.trim();
    if (trimmed && !out.some((o) => o.trim() === trimmed)) out.push(t);
  }
  return out.join('\n\n');
}

/** Front-matter keys Gloss reads as lists; exports write them joined with "; " (as the CSV does). */
const LIST_KEYS = new Set(['categories', 'tags']);

function variableValue(name: string, type: string, value: string): unknown {
  const v = value.trim();
  if (LIST_KEYS.has(name) && type === 'Text') return v.split(/\s*;\s*/).filter(Boolean);
  if (type === 'Boolean') return v === 'true' || v === '1';
  if ((type === 'Integer' || type === 'Float') && v !== '' && Number.isFinite(Number(v))) return Number(v);
  return value;
}

/** What the import plans for each article: its highlights by coder, its memos, where its file is. */
interface ArticlePlan {
  ref: ArticleRef;
  highlights: Planned[];
  memos: Map<string, { coder: Coder; memo: string }>;
}

interface ImportContext {
  session: ExportSession;
  archive: QdpxArchive;
  project: QdaProject;
  report: ProjectImportReport;
  dryRun: boolean;
  tagOf: ReadonlyMap<string, string>;
  coderOf: (...guids: (string | null)[]) => Coder;
  /** New article paths given out in this import. */
  taken: Set<string>;
  plans: Map<string, ArticlePlan>;
  unknownCodes: Set<string>;
}

export async function importProject(
  session: ExportSession,
  file: ImportFile,
  opts: { dryRun: boolean },
): Promise<ProjectImportReport> {
  const store = session.annotations;
  if (!opts.dryRun && store.readOnly) throw new ApiError('read-only', store.readOnly.reason);
  const archive = readQdpx(file.bytes);
  const project = readProject(parseXml(xmlText(archive.qde, 'The project'), 'The project'));
  const report = emptyReport(file, project, opts.dryRun);
  report.warnings.push(...archive.warnings);
  await session.library.whenScanned();

  const { tagOf, report: codes } = await mergeCodes(store, project.codes, opts.dryRun);
  report.codes = codes;

  // Users become coders; what names no known user is the tool's ("NVivo", "QualCoder"…).
  const users = new Map(project.users.filter((u) => u.guid && u.name).map((u) => [u.guid, u.name]));
  const fallbackName = project.origin?.split(/\s+/)[0] || 'Imported';
  const coderOf = (...guids: (string | null)[]): Coder => {
    const name = guids.map((g) => (g ? users.get(g) : undefined)).find(Boolean) ?? fallbackName;
    return { id: coderIdOf(name), name };
  };
  const ctx: ImportContext = {
    session,
    archive,
    project,
    report,
    dryRun: opts.dryRun,
    tagOf,
    coderOf,
    taken: new Set(),
    plans: new Map(),
    unknownCodes: new Set(),
  };
  const noteSelections = notePassagesBySource(project, report);
  for (const source of project.sources)
    await importSource(ctx, source, noteSelections.get(source.guid) ?? []);
  if (ctx.unknownCodes.size)
    report.warnings.push(
      `Codings of codes missing from the codebook were left off: ${[...ctx.unknownCodes].join(', ')}`,
    );

  const coders = new Map<string, string>();
  for (const plan of ctx.plans.values()) {
    for (const { coder } of plan.highlights) coders.set(coder.id, coder.name);
    for (const { coder } of plan.memos.values()) coders.set(coder.id, coder.name);
  }
  report.coders = [...coders.values()].sort((a, b) => a.localeCompare(b));
  report.memos = [...ctx.plans.values()].reduce((n, p) => n + p.memos.size, 0);
  // QualCoder writes one selection per code applied: one place of one coder is one highlight.
  const oneSelectionPerCode = /qualcoder/i.test(project.origin ?? '');
  report.highlightsWritten = await writePlans(session, ctx.plans, opts.dryRun, oneSelectionPerCode);
  return report;
}

/**
 * Notes that hold passages (QualCoder writes its annotations so) belong to the source that refers
 * to them; with one source, to it; otherwise they are reported.
 */
function notePassagesBySource(
  project: QdaProject,
  report: ProjectImportReport,
): Map<string, { note: QdaNote; selection: QdaSelection }[]> {
  const out = new Map<string, { note: QdaNote; selection: QdaSelection }[]>();
  const claimed = new Set<string>();
  const give = (sourceGuid: string, note: QdaNote) => {
    claimed.add(note.guid);
    const list = out.get(sourceGuid) ?? [];
    list.push(...note.selections.map((selection) => ({ note, selection })));
    out.set(sourceGuid, list);
  };
  for (const source of project.sources) {
    for (const ref of source.noteGuids) {
      const note = project.notes.get(ref);
      if (note?.selections.length && !claimed.has(note.guid)) give(source.guid, note);
    }
  }
  for (const note of project.notes.values()) {
    if (!note.selections.length || claimed.has(note.guid)) continue;
    if (project.sources.length === 1) give(project.sources[0]!.guid, note);
    else
      for (const s of note.selections)
        report.unplaced.push({
          source: '',
          quote: s.name,
          reason: 'note-without-source',
          storedForReview: false,
        });
  }
  return out;
}

function codeName(codes: QdaProject['codes'], guid: string): string | null {
  for (const code of codes) {
    if (code.guid === guid) return code.name;
    const below = codeName(code.children, guid);
    if (below !== null) return below;
  }
  return null;
}

async function importSource(
  ctx: ImportContext,
  source: QdaTextSource,
  fromNotes: readonly { note: QdaNote; selection: QdaSelection }[],
): Promise<void> {
  const { report, project, archive } = ctx;
  const name = source.name || source.guid;
  const selections = [...source.selections, ...fromNotes.map((n) => n.selection)];
  // Gloss codes passages, not whole articles: such codings are listed, by their code's name.
  for (const coding of source.codings) {
    const quote = codeName(project.codes, coding.codeGuid) ?? '';
    report.unplaced.push({ source: name, quote, reason: 'whole-source-coding', storedForReview: false });
  }
  const text = sourceTextOf(archive, source);
  if (typeof text === 'string') {
    report.warnings.push(`Source "${name}" was not imported: ${text}.`);
    for (const s of selections)
      report.unplaced.push({ source: name, quote: s.name, reason: 'no-source-text', storedForReview: false });
    return;
  }

  // Positions in the convention the text proves, then as offsets into the text with LF line breaks.
  const positions = new SourcePositions(text.raw, text.hadBom);
  const { convention, ranges } = placeInSource(
    positions,
    selections.map((s) => ({ start: s.start, end: s.end, name: s.name })),
    conventionsFor(project.origin, text.hadBom),
  );
  if (!positions.unambiguous)
    report.conventions.push({ source: name, convention: conventionName(convention) });
  const normalized = normalizeSourceText(text.raw);
  const spaceless = new SpacelessText(normalized);

  // Variables: in the report, and in a new article's front matter.
  const values: Record<string, string> = {};
  const frontMatter: Record<string, unknown> = { title: name };
  for (const v of source.variables) {
    const variable = project.variables.find((x) => x.guid === v.variableGuid);
    if (!variable?.name) continue;
    values[variable.name] = v.value;
    frontMatter[variable.name] = variableValue(variable.name, variable.type, v.value);
  }
  const target = await targetArticle(ctx, name, normalized, spaceless, frontMatter);
  if (Object.keys(values).length)
    report.variables.push({ source: name, values, keptIn: target.isNew ? 'front-matter' : 'report' });
  const plan: ArticlePlan = ctx.plans.get(target.articleId) ?? {
    ref: target.ref,
    highlights: [],
    memos: new Map(),
  };
  ctx.plans.set(target.articleId, plan);

  const normalizedRanges = ranges.map((r) =>
    r ? { start: positions.toNormalized(r.start), end: positions.toNormalized(r.end) } : null,
  );
  const placements = placeOnArticle(
    spaceless,
    target.spaceless,
    normalizedRanges.map((r) => r ?? { start: 0, end: 0 }),
  );
  selections.forEach((selection, i) => {
    const range = normalizedRanges[i] ?? null;
    const quote = range ? normalized.slice(range.start, range.end) : selection.name;
    const selectors = selectorsFor(
      ctx,
      name,
      target,
      quote,
      range,
      range ? placements[i]!.status : 'bad-position',
      placements[i]?.range ?? null,
      normalized.length,
    );
    if (!selectors) return;
    const note = i >= source.selections.length ? fromNotes[i - source.selections.length]!.note : null;
    plan.highlights.push(...highlightsOf(ctx, selection, note, source, target.articleId, selectors));
  });

  // Notes on the source (and its description) are their coder's memo on the article.
  const byCoder = new Map<string, { coder: Coder; texts: string[] }>();
  const addMemo = (coder: Coder, text: string) => {
    const entry = byCoder.get(coder.id) ?? { coder, texts: [] };
    entry.texts.push(text);
    byCoder.set(coder.id, entry);
  };
  if (source.description.trim()) addMemo(ctx.coderOf(source.userGuid), source.description);
  for (const guid of source.noteGuids) {
    const note = project.notes.get(guid);
    if (note && !note.selections.length)
      addMemo(ctx.coderOf(note.userGuid, source.userGuid), noteText(archive, note));
  }
  for (const { coder, texts } of byCoder.values()) {
    const earlier = plan.memos.get(coder.id)?.memo ?? '';
    const memo = joinNotes([earlier, ...texts]);
    if (!memo) continue;
    report.notes += texts.filter((t) => t.trim()).length;
    plan.memos.set(coder.id, { coder, memo });
  }
}

/** The article a source's selections go on: the library's copy of its text, or a new file. */
async function targetArticle(
  ctx: ImportContext,
  name: string,
  normalized: string,
  spaceless: SpacelessText,
  frontMatter: Record<string, unknown>,
): Promise<TargetArticle & { isNew: boolean }> {
  const { session, report } = ctx;
  const match = await findArticle(session.library, spaceless);
  if (match) {
    report.matchedArticles.push({
      source: name,
      articleId: match.articleId,
      path: match.path,
      exact: match.exact,
    });
    const summary = session.library.list().articles.find((a) => a.id === match.articleId);
    return {
      articleId: match.articleId,
      text: match.text,
      spaceless: match.spaceless,
      ref: { path: match.path, fingerprint: summary?.fingerprint ?? '' },
      isNew: false,
    };
  }
  // Plain text, unless the text reads as HTML to the library (a source quoting markup): then
  // the same paragraphs as HTML, escaped, which gives the same canonical text.
  let extension: 'txt' | 'html' = 'txt';
  let content = articleFileText(frontMatter, normalized);
  const probe = Buffer.from(content, 'utf8');
  if (
    parseArticleBytes(probe, { relPath: 'x.txt', size: probe.length, mtimeMs: 0 }).summary.format !==
    'plain-text'
  ) {
    extension = 'html';
    content = articleFileText(frontMatter, plainTextToHtml(normalized));
  }
  const file = await writeNewArticle(
    session.library.root,
    ctx.project.name,
    name,
    content,
    extension,
    ctx.taken,
    ctx.dryRun,
  );
  // A file an earlier import of this project wrote, not scanned yet: the same article.
  if (file.existed)
    report.matchedArticles.push({ source: name, articleId: '', path: file.relPath, exact: true });
  else report.newArticles.push(file.relPath);
  // The article as the library will read it: the same parser and cleaner, run here.
  const bytes = Buffer.from(content, 'utf8');
  const article = buildArticle(
    parseArticleBytes(bytes, { relPath: file.relPath, size: bytes.length, mtimeMs: 0 }),
  );
  if (file.existed) report.matchedArticles[report.matchedArticles.length - 1]!.articleId = article.id;
  return {
    articleId: article.id,
    text: article.doc.text,
    spaceless: new SpacelessText(article.doc.text),
    ref: { path: file.relPath, fingerprint: article.fingerprint, title: article.title },
    isNew: !file.existed,
  };
}

/** The selectors a selection is stored with, counting it in the report; null when it cannot be stored. */
function selectorsFor(
  ctx: ImportContext,
  source: string,
  target: TargetArticle,
  quote: string,
  range: TextRange | null,
  status: 'placed' | 'approximate' | 'not-found' | 'empty' | 'bad-position',
  placed: TextRange | null,
  sourceLength: number,
): Pick<Annotation, 'quote' | 'position'> | null {
  const { report } = ctx;
  if (placed && (status === 'placed' || status === 'approximate')) {
    const selectors = describeRange(target.text, placed);
    if (status === 'approximate') {
      report.approximate++;
      report.approximateSelections.push({ source, quote, placedText: selectors.quote.exact });
    } else report.placed++;
    return selectors;
  }
  const reason =
    status === 'bad-position'
      ? 'bad-position'
      : status === 'empty' || !withoutSpace(quote)
        ? 'empty-selection'
        : 'text-not-found';
  // Kept for review when its text is known: the article lists it under "Needs review".
  const exact = reason === 'empty-selection' ? '' : quote.trim();
  if (!exact) {
    report.unplaced.push({ source, quote, reason, storedForReview: false });
    return null;
  }
  const scale = target.text.length / Math.max(1, sourceLength);
  const hint = Math.min(target.text.length, Math.round((range?.start ?? 0) * scale));
  report.unplaced.push({ source, quote, reason, storedForReview: true });
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: hint, end: hint + exact.length },
  };
}

/**
 * One highlight per user who coded the selection: the selection's own user's carries its
 * description and notes, each user's carries their codes and the notes on their codings.
 */
function highlightsOf(
  ctx: ImportContext,
  selection: QdaSelection,
  note: QdaNote | null,
  source: QdaTextSource,
  articleId: string,
  selectors: Pick<Annotation, 'quote' | 'position'>,
): Planned[] {
  const { project, archive, report } = ctx;
  const ownUser = selection.userGuid ?? note?.userGuid ?? selection.codings[0]?.userGuid ?? source.userGuid;
  const groups = new Map<string, QdaCoding[]>([[ownUser ?? '', []]]);
  for (const coding of selection.codings) {
    const user = coding.userGuid ?? ownUser ?? '';
    groups.set(user, [...(groups.get(user) ?? []), coding]);
  }
  const out: Planned[] = [];
  for (const [user, codings] of groups) {
    const own = user === (ownUser ?? '');
    const tagIds: string[] = [];
    for (const coding of codings) {
      const tag = ctx.tagOf.get(coding.codeGuid);
      if (tag === undefined) ctx.unknownCodes.add(coding.codeGuid);
      else if (!tagIds.includes(tag)) tagIds.push(tag);
    }
    const notes = [
      ...(own ? [selection.description, ...selection.noteGuids.map((g) => project.notes.get(g))] : []),
      ...(own && note ? [note] : []),
      ...codings.flatMap((c) => c.noteGuids.map((g) => project.notes.get(g))),
    ].map((n) => (typeof n === 'string' ? n : n ? noteText(archive, n) : ''));
    const noteTextJoined = joinNotes(notes);
    report.notes += notes.filter((n) => n.trim()).length;
    if (!own && !tagIds.length && !noteTextJoined) continue;
    const guid = selection.guid || derivedId(source.guid, String(selection.start), String(selection.end));
    const created = codings.map((c) => c.created).find(Boolean) ?? selection.created ?? project.created ?? '';
    out.push({
      coder: ctx.coderOf(own ? ownUser : user, user || null),
      annotation: {
        id: own ? guid : derivedId(guid, user),
        articleId,
        quote: selectors.quote,
        position: selectors.position,
        tagIds,
        note: noteTextJoined,
        color: null,
        creator: '',
        created,
        modified: selection.modified ?? created,
      },
    });
  }
  return out;
}

/** Same coder, same place: one highlight, with every code and note. */
function mergeSamePlace(highlights: readonly Planned[]): Planned[] {
  const byPlace = new Map<string, Planned>();
  for (const p of [...highlights].sort((a, b) => a.annotation.id.localeCompare(b.annotation.id))) {
    const key = `${p.coder.id}\u0000${p.annotation.position.start}\u0000${p.annotation.position.end}\u0000${p.annotation.quote.exact}`;
    const first = byPlace.get(key);
    if (!first) {
      byPlace.set(key, { coder: p.coder, annotation: { ...p.annotation, tagIds: [...p.annotation.tagIds] } });
      continue;
    }
    for (const t of p.annotation.tagIds)
      if (!first.annotation.tagIds.includes(t)) first.annotation.tagIds.push(t);
    first.annotation.note = joinNotes([first.annotation.note, p.annotation.note]);
  }
  return [...byPlace.values()];
}

/** A coder's highlight by what it is: place, text, tags and note (not its id or context). */
function twinKey(coderId: string, a: Annotation): string {
  const tags = [...a.tagIds].sort().join(',');
  return JSON.stringify([coderId, a.position.start, a.position.end, a.quote.exact, tags, a.note]);
}

/**
 * Stores the plans, each coder's highlights of an article in one write (none for what is stored
 * already); returns the highlights written (those a dry run would write).
 */
async function writePlans(
  session: ExportSession,
  plans: ReadonlyMap<string, ArticlePlan>,
  dryRun: boolean,
  oneSelectionPerCode: boolean,
): Promise<number> {
  const store = session.annotations;
  const now = new Date().toISOString();
  let written = 0;
  for (const [articleId, plan] of plans) {
    const listed = await store.list(articleId).catch(() => []);
    const stored = new Map(listed.map((a) => [`${a.coderId}\u0000${a.id}`, a]));
    // The coder's own highlight under another id (a project Gloss exported, come back): the same.
    const twins = new Set(listed.map((a) => twinKey(a.coderId, a)));
    const memos = new Map(
      (await store.otherMemos(articleId).catch(() => [])).map((m) => [m.coderId, m.memo]),
    );
    // My own memo counts too: a project of mine come back brings it again.
    const me = store.writer.coder.id;
    if (!memos.has(me)) memos.set(me, await store.getMemo(articleId).catch(() => ''));
    const byCoder = new Map<string, { coder: Coder; list: Annotation[] }>();
    for (const { coder, annotation } of oneSelectionPerCode
      ? mergeSamePlace(plan.highlights)
      : plan.highlights) {
      const existing = stored.get(`${coder.id}\u0000${annotation.id}`);
      const group = byCoder.get(coder.id) ?? { coder, list: [] };
      byCoder.set(coder.id, group);
      if (existing && samePlaceTagsNote(existing, annotation)) continue;
      if (!existing && twins.has(twinKey(coder.id, annotation))) continue;
      const created = annotation.created || existing?.created || now;
      group.list.push({
        ...annotation,
        created,
        modified: annotation.modified || created,
        creator: coder.name,
        creatorId: coder.id,
      });
    }
    for (const { coder } of plan.memos.values())
      if (!byCoder.has(coder.id)) byCoder.set(coder.id, { coder, list: [] });
    for (const { coder, list } of byCoder.values()) {
      const memo = plan.memos.get(coder.id)?.memo;
      const memoChanged = memo !== undefined && memos.get(coder.id) !== memo;
      written += list.length;
      if (dryRun || (!list.length && !memoChanged)) continue;
      await store.restoreManyAs(coder, articleId, list, {
        article: plan.ref,
        ...(memoChanged ? { memo } : {}),
      });
    }
  }
  return written;
}
