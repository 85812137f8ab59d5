/**
 * Every writer's sets as one list: per name, the entry with the latest stamp wins (a deletion
 * included, which then hides the name). A name saved differently by two writers is reported, so
 * nobody wonders where their version went. Pure.
 */
import { parseWriterId } from '../teams/coder.js';
import { compareStamps } from '../teams/hlc.js';
import type { SetEntry } from './set-file.js';
import type { SavedSet } from './set-types.js';

export interface WriterSets {
  writerId: string;
  entries: SetEntry[];
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export function mergeSets(
  writers: readonly WriterSets[],
  myWriterId: string,
): { sets: SavedSet[]; problems: string[] } {
  const byName = new Map<string, { writerId: string; entry: SetEntry }[]>();
  for (const { writerId, entries } of writers)
    for (const entry of entries) {
      const list = byName.get(entry.name) ?? [];
      list.push({ writerId, entry });
      byName.set(entry.name, list);
    }
  const sets: SavedSet[] = [];
  const problems: string[] = [];
  for (const [name, list] of byName) {
    list.sort((a, b) => compareStamps(b.entry.stamp, a.entry.stamp) || (a.writerId < b.writerId ? 1 : -1));
    const { writerId, entry } = list[0]!;
    if (entry.deleted) continue;
    const rivals = list.filter(
      (x) => x.writerId !== writerId && !x.entry.deleted && !sameList(x.entry.articleIds, entry.articleIds),
    );
    if (rivals.length > 0)
      problems.push(
        `The set "${name}" was saved differently by ${[entry.creatorName, ...rivals.map((r) => r.entry.creatorName)].join(' and ')}; the latest save (${entry.creatorName}'s, ${entry.modified}) is shown.`,
      );
    sets.push({
      name,
      articleIds: entry.articleIds,
      sample: entry.sample
        ? {
            seed: entry.sample.seed,
            size: entry.sample.size,
            ...(entry.sample.percent !== undefined ? { percent: entry.sample.percent } : {}),
            ...(entry.sample.stratify ? { stratify: entry.sample.stratify } : {}),
            ...(entry.sample.equal !== undefined ? { equal: entry.sample.equal } : {}),
            filter: entry.sample.filter,
          }
        : null,
      creatorId: parseWriterId(writerId)?.coderId ?? writerId,
      creatorName: entry.creatorName,
      writerId,
      modified: entry.modified,
      mine: writerId === myWriterId,
    });
  }
  sets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { sets, problems };
}
