// A team sharing a library through Git: each coder commits only their own writer folder and pulls
// and pushes in turns (both with rebase and with merge commits). Git never meets a conflict in
// `.gloss/`, both clones end with every writer's files, and `.gloss/.gitignore` keeps the
// machine-local folders out of the repository.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
import { articleAt, listFiles, makeLibrary, snapshot, WriterFiles } from './writer-files.js';

const gitTool = requiredTool('git');
reportMissingTool(gitTool);

describe.skipIf(!gitTool.available)('writer folders shared through Git (a bare remote, two clones)', () => {
  let team: GitTeam;
  let cloneA: string;
  let cloneB: string;
  let a: WriterFiles;
  let b: WriterFiles;

  beforeAll(() => {
    team = createGitTeam();
    cloneA = team.clone('alice');
    cloneB = team.clone('bo');
    // Alice puts the library under Git, with the .gitignore Gloss writes into `.gloss/`.
    makeLibrary(cloneA);
    mkdirSync(join(cloneA, '.gloss'), { recursive: true });
    writeFileSync(join(cloneA, '.gloss', '.gitignore'), 'locks/\ncache/\n');
    commitAll(cloneA, 'The library');
    push(cloneA);
    pull(cloneB);
    a = new WriterFiles(cloneA, 'alice.0a1b2c3d');
    b = new WriterFiles(cloneB, 'bo.9f8e7d6c');
  });
  afterAll(() => team?.cleanup());

  it('never conflicts while both commit their own folder and pull/push in turns', async () => {
    for (let round = 0; round < 6; round++) {
      // Both work offline and commit; one pushes first, the other must integrate before pushing.
      for (const [side, writer] of [a, b].entries()) {
        await writer.addHighlight(articleAt(round + side));
        await writer.addHighlight(articleAt(round));
        if (round % 2 === side) await writer.addTag();
        writer.writeLocalFiles();
      }
      expect(commitAll(cloneA, `alice, round ${round}`)).toBe(true);
      expect(commitAll(cloneB, `bo, round ${round}`)).toBe(true);
      const [first, second] = round % 2 === 0 ? [cloneA, cloneB] : [cloneB, cloneA];
      const integrate = round < 3 ? pullRebase : pull;
      integrate(first);
      push(first);
      integrate(second); // throws on a conflict
      expect(unmergedPaths(second)).toEqual([]);
      push(second);
    }
    pullRebase(cloneA);
    pullRebase(cloneB);

    // The working trees, less git's own folder and the machine-local ones.
    const tracked = (clone: string) =>
      snapshot(clone, (path) => ['.git', '.gloss/locks', '.gloss/cache'].includes(path));
    expect(tracked(cloneA)).toEqual(tracked(cloneB));
    for (const writer of [a, b])
      for (const [path, content] of writer.written) {
        expect(tracked(cloneA).get(path), `${path} in alice's clone`).toBe(content);
        expect(tracked(cloneB).get(path), `${path} in bo's clone`).toBe(content);
      }
  });

  it('keeps .gloss/locks and .gloss/cache out of the repository', () => {
    for (const clone of [cloneA, cloneB]) {
      const files = trackedFiles(clone);
      expect(files).toContain('.gloss/.gitignore');
      expect(files.filter((path) => /^\.gloss\/(locks|cache)\//.test(path))).toEqual([]);
    }
    // Each clone still has its own local files, and only its own.
    expect(existsSync(join(cloneA, '.gloss/locks/alice.0a1b2c3d.lock'))).toBe(true);
    expect(
      listFiles(cloneA, (path) => path === '.git').filter((path) => path.includes('bo.9f8e7d6c.lock')),
    ).toEqual([]);
  });
});
