/**
 * Hybrid logical clock stamps for codebook edits: `<wall ms, 15 digits>:<counter, 4 base-36
 * digits>:<writerId>`. Fixed-width numbers make plain string order the clock order, and the writer
 * id at the end breaks ties the same way on every machine. A clock never goes backwards: a stamp
 * it makes is greater than every stamp it made or observed, even when the wall clock is reset.
 */
import { isValidWriterId } from './coder.js';

export interface ParsedStamp {
  wall: number;
  counter: number;
  writerId: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 4;
const MAX_WALL = 10 ** WALL_DIGITS - 1;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
const STAMP = /^(\d{15}):([0-9a-z]{4}):(.+)$/;

export function formatStamp(wall: number, counter: number, writerId: string): string {
  return `${String(wall).padStart(WALL_DIGITS, '0')}:${counter.toString(36).padStart(COUNTER_DIGITS, '0')}:${writerId}`;
}

/** A stamp read from someone's file, or null when it is not one (stamps are hostile input). */
export function parseStamp(s: unknown): ParsedStamp | null {
  if (typeof s !== 'string') return null;
  const m = STAMP.exec(s);
  if (!m || !isValidWriterId(m[3]!)) return null;
  return { wall: Number(m[1]), counter: parseInt(m[2]!, 36), writerId: m[3]! };
}

export function isStamp(s: unknown): s is string {
  return parseStamp(s) !== null;
}

/** Clock order; works on the strings directly because the format is fixed-width. */
export function compareStamps(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The greater of two stamps, where null means "none". */
export function maxStamp(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareStamps(a, b) >= 0 ? a : b;
}

function clampWall(ms: number): number {
  return Number.isFinite(ms) ? Math.min(MAX_WALL, Math.max(0, Math.floor(ms))) : 0;
}

export class HlcClock {
  private wall = 0;
  private counter = -1;

  constructor(
    readonly writerId: string,
    private readonly now: () => number = Date.now,
  ) {
    if (!isValidWriterId(writerId)) throw new Error(`Not a valid writer id: "${writerId}"`);
  }

  /** A new stamp, greater than every stamp this clock has made or observed. */
  tick(): string {
    const wall = clampWall(this.now());
    if (wall > this.wall) {
      this.wall = wall;
      this.counter = 0;
    } else if (this.counter < MAX_COUNTER) {
      this.counter++;
    } else if (this.wall < MAX_WALL) {
      // 1.7 million stamps in one millisecond: borrow the next millisecond rather than wrap.
      this.wall++;
      this.counter = 0;
    }
    // else: only a forged stamp at the end of time gets here; repeat it rather than overflow.
    return formatStamp(this.wall, this.counter, this.writerId);
  }

  /**
   * Takes in a stamp read from disk so the next tick sorts after it. Stamps that do not parse are
   * ignored. A stamp from a machine whose clock runs ahead is still followed: otherwise an edit
   * made here after seeing that one would lose to it.
   */
  observe(stamp: string): void {
    const p = parseStamp(stamp);
    if (!p) return;
    if (p.wall > this.wall || (p.wall === this.wall && p.counter > this.counter)) {
      this.wall = p.wall;
      this.counter = p.counter;
    }
  }
}
