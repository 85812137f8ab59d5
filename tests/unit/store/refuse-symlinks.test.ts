// A symbolic link where Gloss keeps highlights is refused, never followed; and no message about a
// store file quotes what the file holds (it could be a link's target, a key, a password).
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type GlossService } from '../../../core/api/service.js';
import { parseGlossExport } from '../../../core/export/import-annotations.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { articleFileName } from '../../../core/store/store-layout.js';
import { highlightOf, tempDataDir } from './helpers.js';

const SECRET = 'SECRET-TOKEN-do-not-show';
const services: GlossService[] = [];

afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

async function libraryWithArticle(): Promise<{ work: string; root: string }> {
  const work = await tempDataDir();
  const root = path.join(work, 'lib');
  await mkdir(root);
  await writeFile(path.join(root, 'a.md'), '---\ntitle: A\n---\nSome text to read.\n');
  return { work, root };
}

async function service(work: string): Promise<GlossService> {
  const s = await createService({
    host: 'browser',
    version: 'test',
    appDataDir: path.join(work, 'app'),
    watch: false,
  });
  services.push(s);
  return s;
}

describe('a symlinked .gloss', () => {
  it('is refused with a clear message, and nothing is written where it points', async () => {
    const { work, root } = await libraryWithArticle();
    const elsewhere = path.join(work, 'elsewhere');
    await mkdir(elsewhere);
    await symlink(elsewhere, path.join(root, '.gloss'));
    const s = await service(work);
    await expect(s.handlers.openLibrary({ path: root })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/\.gloss is a symbolic link.*does not follow links/s),
    });
    expect(await readdir(elsewhere)).toEqual([]);
    expect(s.ctx.session).toBeNull();
  });

  it('is refused when a folder Gloss makes inside it is a link', async () => {
    for (const inner of ['coders', 'locks', 'cache']) {
      const { work, root } = await libraryWithArticle();
      const elsewhere = path.join(work, 'elsewhere');
      await mkdir(elsewhere);
      await mkdir(path.join(root, '.gloss'));
      await symlink(elsewhere, path.join(root, '.gloss', inner));
      const s = await service(work);
      await expect(s.handlers.openLibrary({ path: root })).rejects.toMatchObject({
        message: expect.stringContaining(`${inner} is a symbolic link`),
      });
      expect(await readdir(elsewhere)).toEqual([]);
    }
  });

  it('refuses a codebook.json that is a link', async () => {
    const dir = await tempDataDir();
    const secret = path.join(await tempDataDir(), 'secret.json');
    await writeFile(secret, `{"tags": "${SECRET}"}`);
    await symlink(secret, path.join(dir, 'codebook.json'));
    await expect(openAnnotationService(dir, { watch: false })).rejects.toThrow(
      /codebook\.json is a symbolic link/,
    );
    expect(await readFile(secret, 'utf8')).toContain(SECRET);
  });
});

describe('store files that are not what they seem', () => {
  it('an article file that is a link is moved aside (the link, not its target) and not quoted', async () => {
    const dir = await tempDataDir();
    const secret = path.join(await tempDataDir(), 'id_rsa');
    await writeFile(secret, `-----BEGIN KEY----- ${SECRET}`);
    const store = await openAnnotationService(dir, { watch: false });
    await symlink(secret, path.join(dir, 'annotations', articleFileName('a1')));
    expect(await store.list('a1')).toEqual([]);
    const [problem] = store.problems();
    expect(problem!.message).toMatch(/symbolic link/);
    expect(problem!.message).not.toContain(SECRET);
    expect(problem!.message).not.toContain('BEGIN');
    // The target is untouched; what was moved is the link.
    expect(await readFile(secret, 'utf8')).toContain(SECRET);
    await store.create(highlightOf('a1', '国务院总理'));
    expect(await readFile(secret, 'utf8')).toContain(SECRET);
    expect(await store.list('a1')).toHaveLength(1);
    await store.close();
  });

  it('a corrupt file is reported by name, line and column, without its content', async () => {
    const dir = await tempDataDir();
    const store = await openAnnotationService(dir, { watch: false });
    await writeFile(
      path.join(dir, 'annotations', articleFileName('a1')),
      `{\n  "schemaVersion": 1,\n  "memo": ${SECRET}\n}`,
    );
    await store.list('a1');
    const [problem] = store.problems();
    expect(problem!.message).toContain(`${articleFileName('a1')} could not be read`);
    expect(problem!.message).toContain('line 3, column 11');
    expect(problem!.message).not.toContain(SECRET);
    expect(problem!.message).not.toContain('SECRET');
    await store.close();
  });

  it('a corrupt codebook is reported without its content', async () => {
    const dir = await tempDataDir();
    await writeFile(path.join(dir, 'codebook.json'), `${SECRET} and more`);
    const store = await openAnnotationService(dir, { watch: false });
    const [problem] = store.problems();
    expect(problem!.message).toMatch(
      /codebook\.json could not be read \(not valid JSON at line 1, column 1\)/,
    );
    expect(problem!.message).not.toContain('SECRET');
    await store.close();
  });

  it('an import file that is not JSON is reported without its content', () => {
    let message = '';
    try {
      parseGlossExport(`{"gloss": ${SECRET}}`);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/not valid JSON at line 1, column 11/);
    expect(message).not.toContain('SECRET');
  });
});
