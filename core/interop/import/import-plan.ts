/**
 * What a project import works on while it reads the sources: the plans (per article, the
 * highlights and memos to store) and the context every step shares.
 */
import type { ExportSession } from '../../export/export-scope.js';
import type { Annotation, Coder } from '../../model.js';
import type { ArticleRef } from '../../store/annotation-service.js';
import type { ProjectImportReport } from './import-report.js';
import type { SpacelessText } from './place-on-article.js';
import type { QdaProject } from './qda-project.js';
import type { QdpxArchive } from './read-qdpx.js';

/** The article a source's selections go on. */
export interface TargetArticle {
  articleId: string;
  text: string;
  spaceless: SpacelessText;
  ref: ArticleRef;
}

/** A highlight to store, with whose it is. */
export interface Planned {
  coder: Coder;
  annotation: Annotation;
}

/** What the import plans for each article: its highlights by coder, its memos, where its file is. */
export interface ArticlePlan {
  ref: ArticleRef;
  highlights: Planned[];
  memos: Map<string, { coder: Coder; memo: string }>;
}

export interface ImportContext {
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
