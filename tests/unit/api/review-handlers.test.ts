// The disagreement review through the API: the places where two coders differ, decisions written
// to the consensus coder's own writer folder (the coders' files untouched), undone, dismissed, the
// matches accepted in bulk, and agreement computed between a coder and the consensus.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementHandlers } from '../../../core/api/agreement-handlers.js';
import { agreementContract } from '../../../core/api/agreement-contract.js';
import { reviewContract } from '../../../core/api/review-contract.js';
import { reviewHandlers } from '../../../core/api/review-handlers.js';
import { copyLibrary, GOV, openTestSession, sessionFor } from '../export/test-library.js';
import { arrived, context, stored } from './team-library.js';

const A_PLACE = '城镇新增就业1200万人以上';
const B_PLACE = '就业1200';
const B_ALONE = '居民消费价格涨幅3%左右';
const A_ALONE = '加快建设现代化产业体系';

async function library() {
  const root = await copyLibrary();
  const lead = await openTestSession(root, 'Lead');
  const policy = (await lead.annotations.createTag({ name: '政策' })).id;
  const text = (await lead.library.get(GOV)).doc.text;
  await lead.close();
  await arrived(root, 'Alice', (c) => [
    stored(c, GOV, text, '国务院总理作政府工作报告时说', [policy]),
    stored(c, GOV, text, A_PLACE, [policy]),
    stored(c, GOV, text, A_ALONE, [policy]),
  ]);
  await arrived(root, 'Bob', (c) => [
    stored(c, GOV, text, '国务院总理作政府工作报告', [policy]),
    stored(c, GOV, text, B_PLACE, [policy]),
    stored(c, GOV, text, B_ALONE, [policy]),
  ]);
  const session = await sessionFor(root, 'Lead');
  const ctx = await context(session);
  return { root, policy, text, review: reviewHandlers(ctx), agreement: agreementHandlers(ctx), session };
}

/** Every file of the coders' writer folders, with its content. */
async function codersFiles(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const coders = path.join(root, '.gloss', 'coders');
  for (const w of await readdir(coders))
    if (!w.startsWith('consensus.'))
      for (const f of await readdir(path.join(coders, w), { recursive: true }).catch(() => []))
        out[`${w}/${f}`] = await readFile(path.join(coders, w, f), 'utf8').catch(() => '<dir>');
  return out;
}

const cp = (text: string, quote: string) => {
  const at = text.indexOf(quote);
  return { start: [...text.slice(0, at)].length, end: [...text.slice(0, at)].length + [...quote].length };
};

describe('disagreement review API', () => {
  it('lists the places, writes and undoes decisions in the consensus layer only, and accepts matches', async () => {
    const { root, policy, text, review, agreement } = await library();
    const ask = () =>
      review.reviewDisagreements(
        reviewContract.reviewDisagreements.input.parse({ coders: ['alice', 'bob'] }),
      );
    const first = await ask();
    expect(first.coders.map((c) => c.name)).toEqual(['Alice', 'Bob']);
    expect(first.matches).toEqual({ total: 1, undecided: 1 });
    const quotes = first.places.map((p) => [
      p.a.map((s) => text.slice(...utf16(text, s))),
      p.b.map((s) => text.slice(...utf16(text, s))),
    ]);
    expect(quotes).toEqual([
      [[A_PLACE], [B_PLACE]],
      [[], [B_ALONE]],
      [[A_ALONE], []],
    ]);
    // The context is the text around the place, in code points of the article (an emoji before it).
    const p0 = first.places[0]!;
    expect([...p0.context.text].slice(p0.start - p0.context.start, p0.end - p0.context.start).join('')).toBe(
      A_PLACE,
    );
    expect(first.consensusWriterId).toMatch(/^consensus\./);

    const before = await codersFiles(root);
    const keepA = { articleId: GOV, tagId: policy, keep: [{ id: 'k1', ...cp(text, A_PLACE) }] };
    const keepB = { articleId: GOV, tagId: policy, keep: [{ id: 'k2', ...cp(text, B_ALONE) }] };
    const neither = { articleId: GOV, tagId: policy, keep: [], dismiss: cp(text, A_ALONE) };
    await review.writeConsensus({ items: [keepA, keepB, neither] });
    const decided = await ask();
    expect(decided.places.map((p) => p.decided)).toEqual([true, true, true]);
    expect(decided.places[0]!.consensus.map((c) => c.id)).toEqual(['k1']);
    expect(decided.places[2]!.dismissed).toBe(true);
    expect(await codersFiles(root)).toEqual(before);

    // Undo of the first and the last: undecided again; the kept one stays.
    await review.removeConsensus({ items: [keepA, neither] });
    expect((await ask()).places.map((p) => p.decided)).toEqual([false, true, false]);

    // The matches in bulk, then agreement between Alice and the consensus.
    const accepted = await review.acceptMatches(
      reviewContract.acceptMatches.input.parse({ coders: ['alice', 'bob'] }),
    );
    expect(accepted.items).toHaveLength(1);
    expect((await ask()).matches).toEqual({ total: 1, undecided: 0 });
    const vsConsensus = await agreement.computeAgreement(
      agreementContract.computeAgreement.input.parse({ coders: ['alice', 'consensus'], articleIds: [GOV] }),
    );
    expect(vsConsensus.result.coders).toEqual(['Alice', 'Consensus']);
    expect(vsConsensus.result.codes[0]!.units).toEqual({ Alice: 3, Consensus: 2 });
    expect(await codersFiles(root)).toEqual(before);
  });

  it('refuses the same coder twice and a range outside the article', async () => {
    const { review, policy } = await library();
    expect(reviewContract.reviewDisagreements.input.safeParse({ coders: ['alice', 'alice'] }).success).toBe(
      false,
    );
    await expect(
      review.writeConsensus({
        items: [{ articleId: GOV, tagId: policy, keep: [{ id: 'x', start: 0, end: 1e6 }] }],
      }),
    ).rejects.toThrow(/outside/);
    await expect(
      review.writeConsensus({
        items: [{ articleId: 'nope', tagId: policy, keep: [{ id: 'x', start: 0, end: 1 }] }],
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});

/** UTF-16 bounds of a code-point segment. */
function utf16(text: string, s: { start: number; end: number }): [number, number] {
  const cps = [...text];
  return [cps.slice(0, s.start).join('').length, cps.slice(0, s.end).join('').length];
}
