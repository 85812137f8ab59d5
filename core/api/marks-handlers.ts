/** Handlers of the done marks: read merged over every writer folder, written to this writer's own. */
import { ApiError } from '../errors.js';
import { readDoneMarks, setDoneMark } from '../store/done-marks-file.js';
import type { HandlersOf } from './define.js';
import { requireSession } from './library-handlers.js';
import type { DoneMarks, marksContract } from './marks-contract.js';
import type { LibrarySession, ServiceContext } from './service-context.js';

export type MarksHandlers = HandlersOf<typeof marksContract>;

async function marksOf(session: LibrarySession): Promise<DoneMarks> {
  const { dataDir, readOnlyBelow, writer } = session.annotations;
  const merged = await readDoneMarks(readOnlyBelow ? [dataDir, readOnlyBelow] : [dataDir]);
  const byCoder: Record<string, string[]> = {};
  // Coder ids are checked folder names (never `__proto__`), so plain keys are safe here.
  for (const [coderId, ids] of merged) byCoder[coderId] = [...ids].sort();
  return { mine: byCoder[writer.coder.id] ?? [], byCoder };
}

export function marksHandlers(ctx: ServiceContext): MarksHandlers {
  return {
    async getDoneMarks() {
      return marksOf(requireSession(ctx));
    },

    async setArticleDone({ articleId, done }) {
      const session = requireSession(ctx);
      const { annotations, library } = session;
      if (annotations.readOnly) throw new ApiError('read-only', annotations.readOnly.reason);
      if (!library.list().articles.some((a) => a.id === articleId))
        throw new ApiError('not-found', `No article "${articleId}" in this library.`);
      await setDoneMark(annotations.dataDir, annotations.writer.writerId, articleId, done);
      return marksOf(session);
    },
  };
}
