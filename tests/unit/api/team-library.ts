// Shared by the agreement and review API tests: a service context on a test session, and coders'
// highlights arriving by sync in their own writer folders.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HostDialogs, ServiceContext } from '../../../core/api/service-context.js';
import { AppSettings } from '../../../core/settings/app-settings.js';
import { describeRange } from '../../../core/anchor/describe-range.js';
import type { Annotation, Coder } from '../../../core/model.js';
import { writerIdentity } from '../../../core/settings/coder-identity.js';
import { articleFileName } from '../../../core/store/store-layout.js';
import { emptyArticleFile } from '../../../core/store/store-schema.js';
import { writerFolder, writeWriterFile } from '../../../core/store/writer-folders.js';
import { tempDir, type TestSession } from '../export/test-library.js';

export async function context(session: TestSession | null, dialogs: HostDialogs | null = null) {
  const appDataDir = await tempDir();
  const ctx: ServiceContext = {
    host: dialogs ? 'desktop' : 'browser',
    version: '9.9.9',
    appDataDir,
    settings: await AppSettings.load(appDataDir),
    emit: () => undefined,
    session: session && {
      info: {
        root: session.root,
        name: '团队库',
        dataDir: '',
        dataDirFallback: false,
        loadRemoteImages: false,
      },
      library: session.library,
      annotations: session.annotations,
      close: () => session.close(),
    },
    watch: false,
    dialogs,
    coderName: null,
  };
  return ctx;
}

/** A highlight as another Gloss writes it into its writer folder (the store's own format). */
export function stored(
  coder: Coder,
  articleId: string,
  text: string,
  quote: string,
  tagIds: string[],
): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in ${articleId}`);
  const range = describeRange(text, { start, end: start + quote.length });
  return {
    id: `${coder.id}-${start}`,
    articleId,
    ...range,
    tagIds,
    note: '',
    color: null,
    creator: coder.name,
    creatorId: coder.id,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

/** Writes `highlights` as the work of `name` on another machine, arrived by sync. */
export async function arrived(root: string, name: string, highlights: (coder: Coder) => Annotation[]) {
  const { coder, writerId } = writerIdentity(name, 'feed0001');
  const dataDir = path.join(root, '.gloss');
  const folder = writerFolder(dataDir, writerId);
  await mkdir(folder.annotationsDir, { recursive: true });
  await writeWriterFile(dataDir, writerId, coder);
  const byArticle = new Map<string, Annotation[]>();
  for (const h of highlights(coder)) byArticle.set(h.articleId, [...(byArticle.get(h.articleId) ?? []), h]);
  for (const [articleId, annotations] of byArticle)
    await writeFile(
      path.join(folder.annotationsDir, articleFileName(articleId)),
      JSON.stringify({ ...emptyArticleFile(articleId), annotations }),
    );
}
