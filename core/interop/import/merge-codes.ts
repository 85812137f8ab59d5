/**
 * Brings a REFI-QDA code tree into the library's codebook by name path (`Parent/Child`, names
 * compared as the codebook compares them: case, width and spacing aside). Codes the library has
 * keep their tag (colour and description untouched); missing ones are created under their parent
 * with the file's colour and description. Names Gloss cannot hold as written (a "/" in a name, too
 * long, empty) are changed and reported, never dropped. A dry run writes nothing and reports the same.
 */
import { ApiError } from '../../errors.js';
import { LIMITS } from '../../limits.js';
import type { Tag } from '../../model.js';
import { tagNameKey } from '../../export/tag-index.js';
import type { AnnotationService } from '../../store/annotation-service.js';
import { PATH_SEPARATOR } from '../../store/codebook.js';
import type { CodesReport } from './import-report.js';
import type { QdaCode } from './qda-project.js';

export interface CodeMapping {
  /** Code GUID → tag id (in a dry run, a made-up id for codes that would be created). */
  tagOf: Map<string, string>;
  report: CodesReport;
}

/** A name the codebook accepts: "/" becomes the full-width "／", cut to the length limit, never empty. */
export function tagNameOf(name: string): string {
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim().replaceAll(PATH_SEPARATOR, '／');
  let cut = '';
  for (const ch of clean) {
    if (cut.length + ch.length > LIMITS.name) break; // whole characters only: never half an emoji
    cut += ch;
  }
  return cut.trim() || '(unnamed code)';
}

/** `#RRGGBB` in upper case, from what tools write (with or without "#", any case); else null. */
export function colorOf(color: string | null): string | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(color?.trim() ?? '');
  return m ? `#${m[1]!.toUpperCase()}` : null;
}

const keyOf = (parentId: string | null, name: string): string => `${parentId ?? ''}\u0000${tagNameKey(name)}`;

export async function mergeCodes(
  store: AnnotationService,
  codes: readonly QdaCode[],
  dryRun: boolean,
): Promise<CodeMapping> {
  const local = new Map<string, Tag>();
  const learn = (tags: readonly Tag[]) => tags.forEach((t) => local.set(keyOf(t.parentId, t.name), t));
  learn(await store.listTags());
  const tagOf = new Map<string, string>();
  const report: CodesReport = { created: [], existing: [], renamed: [] };
  const seenPaths = new Set<string>();

  const visit = async (code: QdaCode, parentId: string | null, parentPath: string): Promise<void> => {
    const name = tagNameOf(code.name);
    if (name !== code.name) report.renamed.push({ from: code.name, to: name });
    const path = parentPath ? `${parentPath}${PATH_SEPARATOR}${name}` : name;
    let tag = local.get(keyOf(parentId, name));
    const firstTime = !seenPaths.has(path);
    seenPaths.add(path);
    if (tag) {
      if (firstTime) report.existing.push(path);
    } else if (dryRun) {
      tag = {
        id: `new:${code.guid || path}`,
        name,
        parentId,
        color: colorOf(code.color) ?? '',
        description: code.description,
      };
      local.set(keyOf(parentId, name), tag);
      report.created.push(path);
    } else {
      try {
        tag = await store.createTag({
          name,
          parentId,
          color: colorOf(code.color),
          description: code.description,
        });
        report.created.push(path);
      } catch (err) {
        // Another window may have just created the same tag: use it.
        if (!(err instanceof ApiError && err.code === 'conflict')) throw err;
        learn(await store.listTags());
        tag = local.get(keyOf(parentId, name));
        if (!tag) throw err;
        report.existing.push(path);
      }
      local.set(keyOf(parentId, name), tag);
    }
    if (code.guid) tagOf.set(code.guid, tag.id);
    for (const sub of code.children) await visit(sub, tag.id, path);
  };
  for (const code of codes) await visit(code, null, '');
  return { tagOf, report };
}
