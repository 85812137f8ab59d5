/**
 * Relinking: highlights whose article file moved or was renamed follow it to its new id (matched by
 * the body's fingerprint, see relink-plan.ts), and each article's last-known name is refreshed.
 */
import path from 'node:path';
import { applyRef } from './article-doc.js';
import { planRelink, type CurrentArticle } from './relink-plan.js';
import type { RelinkResult } from './service-types.js';
import type { StoreFiles } from './store-files.js';
import { articleFileName } from './store-layout.js';

export async function relinkArticles(
  store: StoreFiles,
  articles: readonly CurrentArticle[],
): Promise<RelinkResult> {
  store.assertWritable();
  await store.ensureIndex(true);
  const plan = planRelink([...store.index.values()], articles);
  const current = new Map(articles.map((a) => [a.id, a]));
  const result: RelinkResult = {
    moved: [],
    refreshed: 0,
    unmatched: plan.unmatched,
    ambiguous: plan.ambiguous,
  };

  for (const { from, to } of plan.moves) {
    const source = await store.articleFile(from).read();
    if (source.readOnly) continue; // a newer Gloss's file: leave it where it is
    const target = current.get(to)!;
    // Write the target first: a crash between the steps leaves a duplicate, which the next
    // relink merges again (by annotation id), never a loss.
    await store.updateArticle(to, (doc) => {
      const have = new Set(doc.annotations.map((a) => a.id));
      for (const a of source.doc.annotations)
        if (!have.has(a.id)) doc.annotations.push({ ...a, articleId: to });
      if (source.doc.memo && source.doc.memo !== doc.memo) {
        doc.memo = doc.memo ? `${doc.memo}\n\n${source.doc.memo}` : source.doc.memo;
      }
      applyRef(doc, target);
      // The file's list entry has no source URL: the moved article's is still its own.
      doc.sourceUrl ??= source.doc.sourceUrl ?? null;
    });
    await store.track(store.articleFile(from).remove());
    store.index.setFromWrite(articleFileName(from), null);
    result.moved.push({ from, to, annotations: source.doc.annotations.length });
  }
  for (const a of plan.ambiguous) {
    store.log.add({
      kind: 'relink-ambiguous',
      file: path.join(store.layout.annotationsDir, articleFileName(a.from)),
      articleId: a.from,
      message: `Annotations of a moved article could belong to several articles (${a.candidates.join(', ')}); they were left unattached.`,
    });
  }
  for (const article of plan.refresh) {
    await store.updateArticle(article.id, (doc) => applyRef(doc, article));
    result.refreshed++;
  }
  return result;
}
