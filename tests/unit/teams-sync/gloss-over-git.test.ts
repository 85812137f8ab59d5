// Issue 17, item 8 (Git flow): two coders annotate clones of one library through Gloss, create and
// rename tags, and commit, pull and push in turns. Git never meets a conflict in `.gloss/`, Gloss's
// own `.gloss/.gitignore` keeps the machine-local folders out, and both clones export the same
// highlights and codebook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  commitAll,
  createGitTeam,
  pull,
  pullRebase,
  push,
  trackedFiles,
  unmergedPaths,
  type GitTeam,
} from '../../support/git-repo.js';
import { reportMissingTool, requiredTool } from '../../support/required-tool.js';
import { annotate, exportJson, openAs, tagIdAt, type Machine } from './gloss-coders.js';
import { makeLibrary } from './writer-files.js';

const gitTool = requiredTool('git');
reportMissingTool(gitTool);

describe.skipIf(!gitTool.available)('two coders in Gloss, libraries shared through Git', () => {
  let team: GitTeam;
  let alice: Machine;
  let bo: Machine;

  beforeAll(() => {
    team = createGitTeam();
    const cloneA = team.clone('alice');
    const cloneB = team.clone('bo');
    makeLibrary(cloneA);
    commitAll(cloneA, 'The library');
    push(cloneA);
    pull(cloneB);
    // App-data folders outside the clones: one per machine.
    alice = { coder: 'Alice', dataDir: join(cloneA, '..', 'alice-app-data'), library: cloneA };
    bo = { coder: 'Bo', dataDir: join(cloneB, '..', 'bo-app-data'), library: cloneB };
  });
  afterAll(() => team?.cleanup());

  /** Both commit; `first` pulls and pushes, then `second` does (it must integrate first's commit). */
  const share = (first: Machine, second: Machine, integrate: (clone: string) => void, message: string) => {
    commitAll(first.library, `${first.coder}: ${message}`);
    commitAll(second.library, `${second.coder}: ${message}`);
    for (const machine of [first, second]) {
      integrate(machine.library); // throws on any conflict
      expect(unmergedPaths(machine.library)).toEqual([]);
      push(machine.library);
    }
    integrate(first.library);
  };

  // TODO(teams): at 13:45 the store (branch wt-store) reads other coders' writer folders but still
  // writes the own coder's highlights and codebook to .gloss/annotations/ and .gloss/codebook.json,
  // so two coders' Gloss still share files; run as it is, this test fails the way issue 17 describes
  // (Syncthing drops one side's codebook edits; Git stops on add/add conflicts). It is written
  // against the design and passes its checks only once own writes go to .gloss/coders/<writer>/:
  // then change `it.todo` back to `it`.
  it('never conflicts, and both clones export the same union', { timeout: 240_000 }, async () => {
    // Round 1: both code at once and create tags, then share (rebase).
    const [a1, b1] = await Promise.all([
      annotate(alice, { article: 'health.txt', quote: '国务院联防联控机制', tags: ['甲/机构'] }),
      annotate(bo, { article: 'health.txt', quote: '更加科学精准', tags: ['乙/评价'] }),
    ]);
    const [a2, b2] = await Promise.all([
      annotate(alice, { article: 'news/rcep.txt', quote: '占我国外贸总值的31%', tags: ['甲/数字'] }),
      annotate(bo, { article: 'health.txt', quote: '国务院联防联控机制', tags: ['乙/评价'] }),
    ]);
    share(alice, bo, pullRebase, 'first coding');

    // Round 2: both rename tags (each their own, and both the same one), Bo codes with Alice's
    // tag; share the other way round, with merge commits.
    const aliceGloss = await openAs(alice);
    const boGloss = await openAs(bo);
    let contested = '';
    try {
      contested = await tagIdAt(aliceGloss, '甲/机构');
      await aliceGloss.handlers.updateTag({ id: await tagIdAt(aliceGloss, '甲/数字'), name: '比例' });
      await aliceGloss.handlers.updateTag({ id: contested, name: '国家机构' });
      await boGloss.handlers.updateTag({ id: await tagIdAt(boGloss, '乙/评价'), name: '评价措施' });
      await boGloss.handlers.updateTag({ id: contested, name: '防控机构' });
    } finally {
      await Promise.all([aliceGloss.close(), boGloss.close()]);
    }
    const b3 = await annotate(bo, { article: 'trade.txt', quote: 'Exports rose again', tags: ['甲/比例'] });
    share(bo, alice, pull, 'renamed tags');

    const [fromA, fromB] = await Promise.all([exportJson(alice), exportJson(bo)]);
    expect(fromA).toEqual(fromB);
    const byId = new Map(fromA.first.items.map((item) => [item.gloss.id, item]));
    expect([...byId.keys()].sort()).toEqual([a1, a2, b1, b2, b3].sort());
    for (const id of [a1, a2]) expect(byId.get(id)?.creator?.name).toBe('Alice');
    for (const id of [b1, b2, b3]) expect(byId.get(id)?.creator?.name).toBe('Bo');
    const paths = fromA.gloss.codebook.tags.map((tag) => tag.path);
    expect(paths).toEqual(expect.arrayContaining(['甲/比例', '乙/评价措施']));
    expect(['国家机构', '防控机构']).toContain(
      fromA.gloss.codebook.tags.find((t) => t.id === contested)?.name,
    );

    for (const machine of [alice, bo]) {
      const files = trackedFiles(machine.library);
      expect(files).toContain('.gloss/.gitignore');
      expect(files.filter((path) => path.startsWith('.gloss/coders/'))).not.toEqual([]);
      expect(files.filter((path) => /^\.gloss\/(locks|cache)\//.test(path))).toEqual([]);
    }
  });
});
