// An article whose file is gone keeps its identity: exports name it as last seen, the lists show
// it as missing with its last title, and restoring the file brings its highlights back onto it.
import { copyFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { highlight, makeLibrary, openApi } from '../store/api-session.js';

const ALPHA = `---
title: Alpha report
date: 2024-03-05
author: Li Wei
url: https://example.com/alpha
---
The council met on Tuesday and approved the new budget for schools.
`;
const BETA = `---
title: Beta notes
date: 2023-11-20
author: Ann Lee
---
Rivers rose after a week of rain, and the bridge was closed to traffic.
`;

type Row = Record<string, string>;

describe('an article whose file is gone', () => {
  it('is exported with its last path, title, date, author and source URL', async () => {
    const { root, appData } = await makeLibrary({ 'news/alpha.md': ALPHA, 'beta.md': BETA });
    let api = await openApi(root, appData);
    const alpha = (await api.call('listArticles')).articles.find((a) => a.title === 'Alpha report')!;
    await highlight(api, alpha.id, 'approved the new budget');
    await api.close();

    await rm(path.join(root, 'news/alpha.md'));
    api = await openApi(root, appData);
    const csv = await api.call('exportAnnotations', { format: 'csv', bom: false });
    const [row] = parse(csv.content, { columns: true }) as Row[];
    expect(row).toMatchObject({
      article_id: alpha.id,
      article_path: 'news/alpha.md',
      title: 'Alpha report',
      date: alpha.date!,
      author: 'Li Wei',
      source_url: 'https://example.com/alpha',
      quote: 'approved the new budget',
    });

    const json = JSON.parse((await api.call('exportAnnotations', { format: 'json' })).content);
    expect(json.gloss.articles[0]).toMatchObject({
      id: alpha.id,
      path: 'news/alpha.md',
      title: 'Alpha report',
      date: alpha.date,
      author: 'Li Wei',
      url: 'https://example.com/alpha',
      missing: true,
    });
    const md = (await api.call('exportAnnotations', { format: 'md' })).content;
    expect(md).toContain('## Alpha report');
    expect(md).toContain('news/alpha.md (file missing)');
  });

  it('is listed as missing with its last title, and its highlights return with the file', async () => {
    const { root, appData } = await makeLibrary({ 'beta.md': BETA, 'other.md': ALPHA });
    let api = await openApi(root, appData);
    const beta = (await api.call('listArticles')).articles.find((a) => a.title === 'Beta notes')!;
    const created = await highlight(api, beta.id, 'the bridge was closed');
    await api.close();

    const aside = path.join(root, '..', 'beta.md');
    await rename(path.join(root, 'beta.md'), aside);
    api = await openApi(root, appData);
    const list = await api.call('listArticles');
    expect(list.articles.map((a) => a.id)).not.toContain(beta.id);
    expect(list.missing).toEqual([{ id: beta.id, title: 'Beta notes', path: 'beta.md', annotationCount: 1 }]);
    const listed = await api.call('listAllAnnotations', {});
    expect(listed.items[0]).toMatchObject({
      id: created.id,
      articleMissing: true,
      articleTitle: 'Beta notes',
      articlePath: 'beta.md',
    });
    await api.close();

    // Restored where it was: the same article, its highlight placed on it again.
    await copyFile(aside, path.join(root, 'beta.md'));
    api = await openApi(root, appData);
    expect((await api.call('listArticles')).missing).toEqual([]);
    const back = await api.call('listAnnotations', { articleId: beta.id });
    expect(back.map((a) => [a.id, a.status])).toEqual([[created.id, 'exact']]);
    await api.close();

    // Restored under another name (a new article id): re-attached by its text's fingerprint.
    await rm(path.join(root, 'beta.md'));
    await copyFile(aside, path.join(root, 'beta-restored.md'));
    api = await openApi(root, appData);
    const moved = (await api.call('listArticles')).articles.find((a) => a.path === 'beta-restored.md')!;
    expect(moved.id).not.toBe(beta.id);
    // The relink runs just after the scan: wait for it to finish moving.
    let again = await api.call('listArticles');
    const until = Date.now() + 3000;
    while (again.missing?.length && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      again = await api.call('listArticles');
    }
    expect(again.missing).toEqual([]);
    const after = await api.call('listAnnotations', { articleId: moved.id });
    expect(after.map((a) => [a.id, a.status])).toEqual([[created.id, 'exact']]);
    expect(again.articles.find((a) => a.id === moved.id)!.annotationCount).toBe(1);
  });
});
