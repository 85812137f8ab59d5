// Issue 17, item 8: two coders annotate copies of one library through Gloss at the same time while
// two real Syncthing instances (127.0.0.1 only) sync the copies. Each creates tags, each renames
// tags, and both rename the same tag at once. After the sync both copies export the same union of
// highlights, each credited to its coder, and the same codebook: nothing lost, the concurrent
// rename converged to one name and reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GlossService } from '../../../core/api/service.js';
import { reportMissingTool, requiredTool } from '../../support/required-tool.js';
import { startSyncthingPair, type SyncthingPair } from '../../support/syncthing.js';
import {
  annotate,
  eventually,
  exportJson,
  openAs,
  tagIdAt,
  type Machine,
  type Passage,
} from './gloss-coders.js';
import { isSyncLeftover, listFiles, makeLibrary } from './writer-files.js';

const syncthing = requiredTool('syncthing');
reportMissingTool(syncthing);

const STIGNORE = ['/.gloss/locks', '/.gloss/cache', '/.gloss/**/.*.tmp'];

const ALICE: Passage[] = [
  { article: 'health.txt', quote: '国务院联防联控机制', tags: ['甲/机构'] },
  { article: 'trade.txt', quote: 'Exports rose again in November', tags: ['甲/贸易'] },
  { article: 'news/rcep.txt', quote: '占我国外贸总值的31%', tags: ['甲/数字'] },
  { article: 'health.txt', quote: '经济社会恢复正常秩序', tags: ['甲/机构'] },
];
const BO: Passage[] = [
  { article: 'health.txt', quote: '更加科学精准', tags: ['乙/评价'] },
  { article: 'trade.txt', quote: 'strong demand for electronics', tags: ['乙/需求'] },
  { article: 'news/rcep.txt', quote: '经认证的经营者', tags: ['乙/制度'] },
  // The same words Alice codes: two coders' highlights on one passage are both kept.
  { article: 'health.txt', quote: '经济社会恢复正常秩序', tags: ['乙/评价'] },
];

describe.skipIf(!syncthing.available)('two coders in Gloss, libraries synced by Syncthing', () => {
  let work: string;
  let pair: SyncthingPair;
  let alice: Machine;
  let bo: Machine;
  const services: GlossService[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gloss-teams-e2e-'));
    // Both copies are named `library` (the JSON export's label is the folder's name).
    makeLibrary(join(work, 'a', 'library'));
    alice = { coder: 'Alice', dataDir: join(work, 'a', 'app-data'), library: join(work, 'a', 'library') };
    bo = { coder: 'Bo', dataDir: join(work, 'b', 'app-data'), library: join(work, 'b', 'library') };
    // As docs/TEAMS.md says: the library is opened in Gloss once before it is shared (that writes
    // `.gloss/.gitignore`, the one file not in a writer folder), then copied to the other machine.
    await (await openAs(alice)).close();
    cpSync(join(work, 'a', 'library'), bo.library, { recursive: true, preserveTimestamps: true });
    pair = await startSyncthingPair({ folders: [alice.library, bo.library], ignore: STIGNORE });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(services.map((service) => service.close()));
    await pair?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  // TODO(teams): at 13:45 the store (branch wt-store) reads other coders' writer folders but still
  // writes the own coder's highlights and codebook to .gloss/annotations/ and .gloss/codebook.json,
  // so two coders' Gloss still share files; run as it is, this test fails the way issue 17 describes
  // (Syncthing drops one side's codebook edits; Git stops on add/add conflicts). It is written
  // against the design and passes its checks only once own writes go to .gloss/coders/<writer>/:
  // then change `it.todo` back to `it`.
  it(
    'ends with the same highlights and codebook on both copies, nothing lost',
    { timeout: 240_000 },
    async () => {
      // 1. Both annotate at once with `gloss annotate --coder`, creating their tags as they go.
      const code = async (machine: Machine, passages: Passage[]) => {
        const ids: string[] = [];
        for (const passage of passages) ids.push(await annotate(machine, passage));
        return ids;
      };
      const [aliceIds, boIds] = await Promise.all([code(alice, ALICE), code(bo, BO)]);
      await pair.waitInSync();

      // 2. Both open Gloss and edit the codebook at once: each renames a tag of their own, both
      //    rename Alice's 甲/机构 (a conflict: one name wins on both copies, and it is reported), and
      //    Bo codes with a tag Alice made.
      const [aliceGloss, boGloss] = await Promise.all([openAs(alice), openAs(bo)]);
      services.push(aliceGloss, boGloss);
      const contested = await tagIdAt(aliceGloss, '甲/机构');
      expect(await tagIdAt(boGloss, '甲/机构')).toBe(contested);
      await Promise.all([
        (async () => {
          await aliceGloss.handlers.updateTag({ id: await tagIdAt(aliceGloss, '甲/贸易'), name: '外贸' });
          await aliceGloss.handlers.updateTag({ id: contested, name: '国家机构' });
        })(),
        (async () => {
          await boGloss.handlers.updateTag({ id: await tagIdAt(boGloss, '乙/需求'), name: '电子需求' });
          await boGloss.handlers.updateTag({ id: contested, name: '防控机构' });
        })(),
      ]);
      const boLate = await annotate(bo, {
        article: 'trade.txt',
        quote: 'the trend could slow',
        tags: ['甲/数字'],
      });
      await pair.waitInSync();

      // 3. Each open window shows the other's changes (Gloss watches the writer folders).
      const view = async (service: GlossService) => {
        const { tags } = await service.handlers.listTags({});
        const { total } = await service.handlers.listAllAnnotations({ offset: 0, limit: 500 });
        return JSON.stringify({ tags: tags.map((t) => [t.id, t.name, t.parentId]), total });
      };
      expect(await eventually(async () => (await view(aliceGloss)) === (await view(boGloss)), 20_000)).toBe(
        true,
      );
      for (const service of [aliceGloss, boGloss]) {
        const { problems } = await service.handlers.getStoreProblems({});
        expect(problems.map((problem) => problem.kind)).toContain('codebook-conflict');
      }
      await Promise.all(services.splice(0).map((service) => service.close()));

      // 4. Exported fresh from disk, both copies give the same highlights and codebook.
      const [fromA, fromB] = await Promise.all([exportJson(alice), exportJson(bo)]);
      expect(fromA).toEqual(fromB);
      const byId = new Map(fromA.first.items.map((item) => [item.gloss.id, item]));
      expect([...byId.keys()].sort()).toEqual([...aliceIds, ...boIds, boLate].sort());
      for (const id of aliceIds) expect(byId.get(id)?.creator?.name).toBe('Alice');
      for (const id of [...boIds, boLate]) expect(byId.get(id)?.creator?.name).toBe('Bo');

      const paths = fromA.gloss.codebook.tags.map((tag) => tag.path);
      expect(paths).toEqual(
        expect.arrayContaining(['甲/外贸', '甲/数字', '乙/评价', '乙/电子需求', '乙/制度']),
      );
      const winner = fromA.gloss.codebook.tags.find((tag) => tag.id === contested)?.name;
      expect(['国家机构', '防控机构']).toContain(winner);
      // The highlights keep their tags through the renames (by id, exported by their new paths).
      const aliceTrade = byId.get(aliceIds[1] ?? '');
      expect(aliceTrade?.body.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual([
        '甲/外贸',
      ]);

      for (const machine of [alice, bo])
        expect(listFiles(machine.library).filter(isSyncLeftover), machine.coder).toEqual([]);
    },
  );
});
