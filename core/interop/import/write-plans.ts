/**
 * The planned highlights and memos stored: per article and coder one write to that coder's import
 * writer folder, leaving out what the library holds already (so a second import writes nothing).
 */
import { samePlaceTagsNote } from '../../export/import-annotations.js';
import type { ExportSession } from '../../export/export-scope.js';
import type { Annotation, Coder } from '../../model.js';
import type { ArticlePlan, Planned } from './import-plan.js';
import { joinNotes } from './source-text.js';

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
export async function writePlans(
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
