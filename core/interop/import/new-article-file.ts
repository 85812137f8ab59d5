/**
 * A source no library article matched becomes a plain-text article of its own, in
 * `imported/<project name>/<source name>.txt` inside the library: its text (line breaks as LF)
 * under YAML front matter holding its title and the project's variables for it (`.html`, its
 * paragraphs escaped, when the text itself would read as HTML). Names come from
 * another tool's file and are made safe (no separators, no reserved or hidden names, bounded
 * length), and the folder is checked to stay inside the library once links are followed. An
 * existing file with the same content is the same article (an import repeated); another one with
 * that name is left alone and a free name taken.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { stringify } from 'yaml';
import { ApiError } from '../../errors.js';
import { writeFileDurable } from '../../files/durable-write.js';
import { realPathInside } from '../../security/inside-folder.js';

/** The library folder imported projects' sources go into. */
export const IMPORTED_FOLDER = 'imported';

const MAX_NAME = 80;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A file or folder name safe on every system, from any text. */
export function safeFileName(name: string, fallback: string): string {
  let clean = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  let cut = '';
  for (const ch of clean) {
    if (cut.length + ch.length > MAX_NAME) break;
    cut += ch;
  }
  clean = cut.trim();
  if (!clean) return fallback;
  return WINDOWS_RESERVED.test(clean) ? `_${clean}` : clean;
}

/** The file's content: front matter (title, then the variables) and the text. */
export function articleFileText(meta: Record<string, unknown>, text: string): string {
  return `---\n${stringify(meta, { lineWidth: 0 })}---\n${text}${text.endsWith('\n') ? '' : '\n'}`;
}

export interface NewArticleFile {
  /** Relative to the library root, forward slashes. */
  relPath: string;
  absPath: string;
  /** The file was there already with this content. */
  existed: boolean;
}

/**
 * Chooses (and unless `dryRun`, writes) the file for one source. `taken` holds the relative paths
 * already given to other sources of this import, so two sources of the same name get two files.
 */
export async function writeNewArticle(
  root: string,
  projectName: string,
  sourceName: string,
  content: string,
  extension: 'txt' | 'html',
  taken: Set<string>,
  dryRun: boolean,
): Promise<NewArticleFile> {
  const folder = posix.join(IMPORTED_FOLDER, safeFileName(projectName, 'project'));
  const base = safeFileName(sourceName.replace(/\.(txt|docx?|rtf|odt|pdf|html?|md)$/i, ''), 'source');
  const dir = join(root, ...folder.split('/'));
  if (!dryRun) {
    await mkdir(dir, { recursive: true });
    if (!realPathInside(root, dir))
      throw new ApiError(
        'outside-library',
        `${folder} leads outside the library; nothing was imported there.`,
      );
  }
  for (let n = 1; ; n++) {
    const relPath = posix.join(folder, `${base}${n > 1 ? ` (${n})` : ''}.${extension}`);
    if (taken.has(relPath)) continue;
    const absPath = join(root, ...relPath.split('/'));
    const existing = await stat(absPath).then(
      (s) => (s.isFile() ? readFile(absPath, 'utf8') : ''),
      () => null,
    );
    if (existing !== null && existing !== content) continue;
    taken.add(relPath);
    if (existing === null && !dryRun) await writeFileDurable(absPath, content);
    return { relPath, absPath, existed: existing !== null };
  }
}
