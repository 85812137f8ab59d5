// A test double of one Gloss installation's codebook: its own book, the latest version of every
// other writer's book it has received, and edits made through the existing codebook rules.
import { ApiError } from '../../../core/errors.js';
import type { CodebookFile } from '../../../core/store/store-schema.js';
import { HlcClock } from '../../../core/teams/hlc.js';
import {
  emptyWriterCodebook,
  mergeCodebooks,
  recordChanges,
  type MergedCodebook,
  type WriterCodebook,
} from '../../../core/teams/writer-codebook.js';

/** One published version of a writer's book, as a sync tool would deliver the file. */
export interface BookVersion {
  /** Which installation wrote it: two machines may run under one writer id (conflict copies). */
  machine: string;
  writerId: string;
  version: number;
  book: WriterCodebook;
}

export class Replica {
  readonly clock: HlcClock;
  own: WriterCodebook;
  version = 0;
  readonly received = new Map<string, BookVersion>();

  constructor(
    readonly writerId: string,
    now: () => number,
    readonly machine: string = writerId,
  ) {
    this.clock = new HlcClock(writerId, now);
    this.own = emptyWriterCodebook(writerId);
  }

  /**
   * Keeps the newest version of each machine's file, as a folder synced by a sync tool does (a
   * second machine under the same writer id shows up as a conflict copy beside the live file).
   */
  receive(v: BookVersion): void {
    if (v.machine === this.machine) return;
    const had = this.received.get(v.machine);
    if (!had || had.version < v.version) this.received.set(v.machine, v);
  }

  books(): WriterCodebook[] {
    return [this.own, ...[...this.received.values()].map((v) => v.book)];
  }

  merged(): MergedCodebook {
    return mergeCodebooks(this.books());
  }

  /**
   * Runs one codebook rule on a copy of the merged view and records what changed; a rule that
   * refuses (an ApiError, e.g. a duplicate name) changes nothing. Returns the new version, if any.
   */
  edit(rule: (book: CodebookFile) => unknown): { merged: MergedCodebook; after: CodebookFile } | null {
    const merged = this.merged();
    const after = structuredClone(merged.view);
    try {
      rule(after);
    } catch (err) {
      if (err instanceof ApiError) return null;
      throw err;
    }
    const next = recordChanges(this.own, merged, after, this.clock);
    if (next !== this.own) {
      this.own = next;
      this.version++;
    }
    return { merged, after };
  }

  publish(): BookVersion {
    return {
      machine: this.machine,
      writerId: this.writerId,
      version: this.version,
      book: structuredClone(this.own),
    };
  }
}
