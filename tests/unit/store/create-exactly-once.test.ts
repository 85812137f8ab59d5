// The store's create is exactly-once by id: the client makes the id, and the same id again is the
// same request (a retry, a key pressed twice), answered with what was stored, nothing written.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { highlightOf, tempDataDir } from './helpers.js';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

describe('create with a client-made id', () => {
  it('stores one highlight however often, and at once, it is asked', async () => {
    const dir = await tempDataDir();
    const store = await openAnnotationService(dir, { watch: false });
    const input = highlightOf('a', '国务院总理', { id: ID, note: 'first' });
    const [one, two] = await Promise.all([store.create(input), store.create(input)]);
    const again = await store.create({ ...input, note: 'second' });
    expect(one.id).toBe(ID);
    expect(two).toEqual(one);
    expect(again).toEqual(one); // the stored one, not the new note
    expect(await store.list('a')).toEqual([one]);
    // On disk too: one highlight in the article's file.
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.json'));
    const text = (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('\n');
    expect(text.split(ID)).toHaveLength(2);
    await store.close();
  });

  it('still makes an id when none is given', async () => {
    const store = await openAnnotationService(await tempDataDir(), { watch: false });
    const a = await store.create(highlightOf('a', '国务院总理'));
    const b = await store.create(highlightOf('a', '国务院总理'));
    expect(a.id).not.toBe(b.id);
    expect(await store.list('a')).toHaveLength(2);
    await store.close();
  });
});
