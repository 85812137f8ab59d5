/**
 * Moves what was saved in the app-data fallback (while the library's folder was read-only) into
 * the library's own store, once it can be written again. Nothing is lost: tags are matched by id,
 * else by name in the same place, else added; highlights by id, the newer edit winning; memos
 * that differ are joined. The fallback folder is then renamed aside (kept, not deleted), and the
 * report says what moved and where the old copy is.
 */
import { readdir, rename } from 'node:fs/promises';
import type { Annotation, Tag } from '../model.js';
import type { AnnotationService } from './annotation-service.js';
import { openAnnotationService } from './annotation-service.js';
import { isArticleFileName, storeLayout } from './store-layout.js';
import { listWriterIds, writerFolder } from './writer-folders.js';

export interface FallbackMoveReport {
  /** Articles whose highlights or memo moved. */
  articles: number;
  /** Highlights added or brought up to date in the library. */
  highlights: number;
  memos: number;
  /** Tags added to the library's codebook (tags it had by id or by name are reused). */
  tags: number;
  /** Where the fallback folder was kept after the move. */
  keptAt: string;
}

/** How many article files the fallback holds (0: nothing to offer to move). */
export async function fallbackArticleFiles(fallbackDir: string): Promise<number> {
  const count = async (dir: string) =>
    (await readdir(dir).catch(() => [] as string[])).filter(isArticleFileName).length;
  let total = await count(storeLayout(fallbackDir).annotationsDir);
  for (const writerId of await listWriterIds(fallbackDir))
    total += await count(writerFolder(fallbackDir, writerId).annotationsDir);
  return total;
}

const nameKey = (name: string): string => name.normalize('NFKC').toLowerCase();

/** Adds the fallback's tags the library lacks; returns fallback tag id → library tag id. */
async function moveTags(
  from: Tag[],
  into: AnnotationService,
): Promise<{ ids: Map<string, string>; added: number }> {
  const existing = await into.listTags();
  const byId = new Map(existing.map((t) => [t.id, t]));
  const ids = new Map<string, string>();
  let added = 0;
  // listTags is in tree order: a parent is mapped before its children.
  for (const tag of from) {
    const parentId = tag.parentId === null ? null : (ids.get(tag.parentId) ?? null);
    if (byId.has(tag.id)) {
      ids.set(tag.id, tag.id);
      continue;
    }
    const twin = existing.find((t) => t.parentId === parentId && nameKey(t.name) === nameKey(tag.name));
    if (twin) {
      ids.set(tag.id, twin.id);
      continue;
    }
    const restored = await into.restoreTag({ ...tag, parentId });
    existing.push(restored);
    byId.set(restored.id, restored);
    ids.set(tag.id, restored.id);
    added++;
  }
  return { ids, added };
}

/** The fallback's highlights the library does not have, or has in an older edit. */
function newer(from: Annotation[], current: Annotation[], tagIds: Map<string, string>): Annotation[] {
  const have = new Map(current.map((a) => [a.id, a]));
  return from
    .filter((a) => {
      const there = have.get(a.id);
      return !there || there.modified < a.modified;
    })
    .map((a) => ({ ...a, tagIds: [...new Set(a.tagIds.map((id) => tagIds.get(id) ?? id))] }));
}

function joinMemos(current: string, moved: string): string {
  if (!moved || current.includes(moved)) return current;
  return current ? `${current}\n\n${moved}` : moved;
}

export async function moveFallbackInto(
  into: AnnotationService,
  fallbackDir: string,
  now = new Date(),
): Promise<FallbackMoveReport> {
  // What this coder saved there, in its writer folder (an older fallback is migrated into it).
  const from = await openAnnotationService(fallbackDir, {
    watch: false,
    writerFolders: true,
    writer: () => into.writer,
  });
  const report: FallbackMoveReport = { articles: 0, highlights: 0, memos: 0, tags: 0, keptAt: '' };
  try {
    const { ids, added } = await moveTags(await from.listTags(), into);
    report.tags = added;
    for (const articleId of await from.articleIds()) {
      const [moved, current, memo, currentMemo] = await Promise.all([
        from.list(articleId),
        into.list(articleId),
        from.getMemo(articleId),
        into.getMemo(articleId),
      ]);
      const changed = newer(moved, current, ids);
      if (changed.length) await into.restoreMany(articleId, changed);
      const joined = joinMemos(currentMemo, memo);
      if (joined !== currentMemo) {
        await into.setMemo(articleId, joined);
        report.memos++;
      }
      report.highlights += changed.length;
      if (changed.length || joined !== currentMemo) report.articles++;
    }
  } finally {
    await from.close();
  }
  // Kept beside, renamed: a second offer must not appear, and nothing is deleted.
  report.keptAt = `${fallbackDir}.moved-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(fallbackDir, report.keptAt);
  return report;
}
