/**
 * API operations for taking in other tools' work (REFI-QDA, issue 20): a whole coded project
 * (`.qdpx`, from NVivo, ATLAS.ti, MAXQDA, QualCoder or Gloss) and a codebook alone (`.qdc`).
 * Each takes the file either as a path chosen with the desktop's open dialog (`pickInteropFile`)
 * or as its bytes (base64; the browser mode uploads them), and can be run as a dry run first: the
 * same report, nothing written.
 */
import { z } from 'zod';
import { op } from './define.js';
import { LIMITS } from '../limits.js';
import type { CodebookImportReport, ProjectImportReport } from '../interop/import/import-report.js';

export type {
  ApproximateSelection,
  CodebookImportReport,
  CodesReport,
  MatchedArticle,
  ProjectImportReport,
  SourceVariables,
  UnplacedReason,
  UnplacedSelection,
} from '../interop/import/import-report.js';

/** Base64 characters of an uploaded file: 300 MB of project (the HTTP host caps requests lower). */
export const MAX_IMPORT_BASE64 = 400_000_000;

const dryRun = z.boolean().default(false);

/** A file chosen with `pickInteropFile` (desktop), or its bytes with its name (browser upload). */
const importFile = z.union([
  z.object({ path: z.string().min(1).max(LIMITS.path), dryRun }).strict(),
  z
    .object({
      bytes: z
        .string()
        .min(1)
        .max(MAX_IMPORT_BASE64)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
      fileName: z.string().min(1).max(LIMITS.name),
      dryRun,
    })
    .strict(),
]);

export const interopContract = {
  /**
   * Desktop: the open dialog for a `.qdpx` or `.qdc` file (null when cancelled). The path it
   * returns is the only kind `importProject` / `importCodebook` accept as `path`.
   */
  pickInteropFile: op<{ path: string; fileName: string } | null>()(
    z.object({ kind: z.enum(['qdpx', 'qdc']) }).strict(),
  ),
  /**
   * Imports a REFI-QDA project: sources matched to the library's articles by their text (or added
   * under `imported/<project>/`), codes merged into the codebook by name path, each coding a
   * highlight of its user as a coder of its own. Importing the same project again changes nothing.
   */
  importProject: op<ProjectImportReport>()(importFile),
  /** Merges a REFI-QDA codebook into the library's by name path: missing codes created, nothing lost. */
  importCodebook: op<CodebookImportReport>()(importFile),
};

type InteropContract = typeof interopContract;
export type InteropOpName = keyof InteropContract;
export type InteropOpInput<K extends InteropOpName> = z.output<InteropContract[K]['input']>;
