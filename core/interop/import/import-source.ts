/**
 * One text source of a project: its text read, its selections' positions read in the convention
 * the text proves and placed on the library article it matches (or a new one), its codings planned
 * as highlights, its notes as memos and its variables reported (and kept in a new article).
 */
import type { Coder } from '../../model.js';
import type { ArticlePlan, ImportContext } from './import-plan.js';
import {
  conventionName,
  conventionsFor,
  normalizeSourceText,
  placeInSource,
  SourcePositions,
} from './offset-conventions.js';
import { placeOnArticle, SpacelessText } from './place-on-article.js';
import { highlightsOf, selectorsFor } from './plan-highlights.js';
import type { QdaNote, QdaProject, QdaSelection, QdaTextSource } from './qda-project.js';
import { joinNotes, noteText, sourceTextOf } from './source-text.js';
import { targetArticle } from './target-article.js';

/** Front-matter keys Gloss reads as lists; exports write them joined with "; " (as the CSV does). */
const LIST_KEYS = new Set(['categories', 'tags']);

function variableValue(name: string, type: string, value: string): unknown {
  const v = value.trim();
  if (LIST_KEYS.has(name) && type === 'Text') return v.split(/\s*;\s*/).filter(Boolean);
  if (type === 'Boolean') return v === 'true' || v === '1';
  if ((type === 'Integer' || type === 'Float') && v !== '' && Number.isFinite(Number(v))) return Number(v);
  return value;
}

function codeName(codes: QdaProject['codes'], guid: string): string | null {
  for (const code of codes) {
    if (code.guid === guid) return code.name;
    const below = codeName(code.children, guid);
    if (below !== null) return below;
  }
  return null;
}

export async function importSource(
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
