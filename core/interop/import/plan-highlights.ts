/**
 * A placed selection as highlights to store: its selectors (or a "Needs review" copy when it
 * could not be placed) and one highlight per user who coded it, with ids from its GUID.
 */
import { createHash } from 'node:crypto';
import { describeRange } from '../../anchor/describe-range.js';
import type { TextRange } from '../../anchor/text-range.js';
import type { Annotation } from '../../model.js';
import type { ImportContext, Planned, TargetArticle } from './import-plan.js';
import { withoutSpace } from './offset-conventions.js';
import type { QdaCoding, QdaNote, QdaSelection, QdaTextSource } from './qda-project.js';
import { joinNotes, noteText } from './source-text.js';

/** A stable UUID-shaped id from parts (for a second user's highlight of one selection). */
function derivedId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The selectors a selection is stored with, counting it in the report; null when it cannot be stored. */
export function selectorsFor(
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
export function highlightsOf(
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
