/**
 * Other writers' work on one article, for the store: their highlights (read-only here), their
 * memos, and whose each is. Read from every writer folder under the store's data folders (and the
 * read-only layer below) except this store's own writer, on each call: one small file per writer.
 */
import type { Annotation, Coder, OwnedAnnotation } from '../model.js';
import {
  listWriterIds,
  readWriterArticle,
  readWriterCoder,
  writerFolder,
  type FolderProblem,
} from './writer-folders.js';

export interface OtherWriterArticle {
  writerId: string;
  coder: Coder;
  annotations: Annotation[];
  memo: string;
}

/** Writer folders of these data folders but `ownWriterId`, each with the folder it is in. */
async function otherWriters(dataDirs: readonly string[], ownWriterId: string) {
  const seen = new Set<string>([ownWriterId]);
  const out: { dataDir: string; writerId: string }[] = [];
  for (const dataDir of dataDirs) {
    for (const writerId of await listWriterIds(dataDir)) {
      if (seen.has(writerId)) continue;
      seen.add(writerId);
      out.push({ dataDir, writerId });
    }
  }
  return out;
}

export async function otherWritersOf(
  dataDirs: readonly string[],
  ownWriterId: string,
  articleId: string,
  problems: FolderProblem[],
): Promise<OtherWriterArticle[]> {
  const out: OtherWriterArticle[] = [];
  for (const { dataDir, writerId } of await otherWriters(dataDirs, ownWriterId)) {
    const doc = await readWriterArticle(writerFolder(dataDir, writerId), articleId, problems);
    if (!doc) continue;
    const coder = await readWriterCoder(dataDir, writerId);
    out.push({ writerId, coder, annotations: doc.annotations, memo: doc.memo });
  }
  return out;
}

/** Other writers' highlights as the API lists them: theirs, never mine. */
export function othersOwned(others: readonly OtherWriterArticle[]): OwnedAnnotation[] {
  return others.flatMap(({ coder, annotations }) =>
    annotations.map((a) => ({
      ...a,
      creator: coder.name,
      creatorId: coder.id,
      coderId: coder.id,
      coderName: coder.name,
      mine: false,
    })),
  );
}
