/**
 * The consensus coder's layer (issue 18): highlights settled in the disagreement review, written
 * into a writer folder of its own (`consensus.<installation>`) through the store, never into the
 * original coders' folders; and the places settled as "keep neither" (core/teams/dismissed-places.ts).
 * Offsets come in as code points on the article's text as it is now, as the review shows them.
 */
import { describeRange } from '../anchor/describe-range.js';
import { CodePointIndex } from '../anchor/code-points.js';
import { ApiError } from '../errors.js';
import type { ExportSession } from '../export/export-scope.js';
import type { Annotation, Coder } from '../model.js';
import { CONSENSUS_CODER_ID, parseWriterId, writerIdOf } from '../teams/coder.js';
import {
  DISMISSED_FILE,
  dismissedSchema,
  emptyDismissed,
  mergeDismissed,
  withDismissal,
} from '../teams/dismissed-places.js';
import { readWriterFiles, updateWriterFile } from '../store/writer-json-file.js';
import { writeWriterFile } from '../store/writer-folders.js';
import { placeKey, type DismissedPlace } from './disagreements.js';

export const CONSENSUS_CODER: Coder = { id: CONSENSUS_CODER_ID, name: 'Consensus' };

/** A consensus highlight to write: its id (the client's, so a redo writes the same one) and place. */
export interface ConsensusRange {
  id: string;
  start: number;
  end: number;
}

export interface ConsensusItem {
  articleId: string;
  tagId: string;
  keep: ConsensusRange[];
  /** "Keep neither": the place remembered as settled (or, on removal, forgotten). */
  dismiss?: { start: number; end: number };
}

/** This machine's consensus writer folder. */
export function consensusWriterId(session: ExportSession): string {
  const installation = parseWriterId(session.annotations.writer.writerId)?.installationId ?? 'local';
  return writerIdOf(CONSENSUS_CODER_ID, installation);
}

function dataDirs(session: ExportSession): string[] {
  const { dataDir, readOnlyBelow } = session.annotations;
  return readOnlyBelow ? [dataDir, readOnlyBelow] : [dataDir];
}

/** Every consensus writer's dismissed places, merged. */
export async function dismissedPlaces(session: ExportSession): Promise<DismissedPlace[]> {
  const files = await readWriterFiles(dataDirs(session), DISMISSED_FILE, dismissedSchema);
  return mergeDismissed(
    files.filter((f) => parseWriterId(f.writerId)?.coderId === CONSENSUS_CODER_ID).map((f) => f.doc),
  );
}

async function setDismissed(
  session: ExportSession,
  item: ConsensusItem & { dismiss: { start: number; end: number } },
  dismissed: boolean,
): Promise<void> {
  const { articleId, tagId } = item;
  const { start, end } = item.dismiss;
  const writerId = consensusWriterId(session);
  await writeWriterFile(session.annotations.dataDir, writerId, CONSENSUS_CODER);
  await updateWriterFile(
    session.annotations.dataDir,
    writerId,
    DISMISSED_FILE,
    dismissedSchema,
    emptyDismissed,
    (f) =>
      withDismissal(f, placeKey(articleId, tagId, start, end), {
        articleId,
        tagId,
        start,
        end,
        dismissed,
        at: new Date().toISOString(),
      }),
  );
}

function checkWritable(session: ExportSession): void {
  const readOnly = session.annotations.readOnly;
  if (readOnly) throw new ApiError('read-only', readOnly.reason);
}

/** The consensus highlights for an item, on the article's current text. */
async function highlightsOf(session: ExportSession, item: ConsensusItem): Promise<Annotation[]> {
  const { text } = await session.library.getText(item.articleId);
  const index = new CodePointIndex(text);
  const now = new Date().toISOString();
  const length = index.toCodePoints(text.length);
  return item.keep.map((r) => {
    if (!(r.end > r.start) || r.end > length)
      throw new ApiError('invalid-input', `The range ${r.start}–${r.end} is empty or outside the article.`);
    const start = index.toUtf16(r.start);
    const end = index.toUtf16(r.end);
    return {
      id: r.id,
      articleId: item.articleId,
      ...describeRange(text, { start, end }),
      tagIds: [item.tagId],
      note: '',
      color: null,
      creator: CONSENSUS_CODER.name,
      creatorId: CONSENSUS_CODER.id,
      created: now,
      modified: now,
    };
  });
}

/** Writes the items' highlights (and dismissals) into the consensus layer. */
export async function writeConsensus(session: ExportSession, items: readonly ConsensusItem[]): Promise<void> {
  checkWritable(session);
  const writerId = consensusWriterId(session);
  for (const item of items) {
    const summary = session.library.list().articles.find((a) => a.id === item.articleId);
    if (!summary) throw new ApiError('not-found', `No article "${item.articleId}" in this library.`);
    if (item.keep.length > 0)
      await session.annotations.restoreManyAs(
        CONSENSUS_CODER,
        item.articleId,
        await highlightsOf(session, item),
        {
          writerId,
          article: { path: summary.path, fingerprint: summary.fingerprint },
        },
      );
    if (item.dismiss) await setDismissed(session, { ...item, dismiss: item.dismiss }, true);
  }
}

/** Takes the items back out of this machine's consensus layer (an undone decision). */
export async function removeConsensus(
  session: ExportSession,
  items: readonly ConsensusItem[],
): Promise<void> {
  checkWritable(session);
  const writerId = consensusWriterId(session);
  for (const item of items) {
    if (item.keep.length > 0)
      await session.annotations.restoreManyAs(CONSENSUS_CODER, item.articleId, [], {
        writerId,
        removeIds: item.keep.map((r) => r.id),
      });
    if (item.dismiss) await setDismissed(session, { ...item, dismiss: item.dismiss }, false);
  }
}
