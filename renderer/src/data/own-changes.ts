/**
 * The echoes of this window's own changes. The host announces every change to every window
 * (`annotations-changed`), this one included; the window has already taken its own change into its
 * caches from the reply, so reloading on its echo would only ask again for what it knows.
 *
 * Each change the window sends expects one echo for its article. An event that matches an
 * expectation is taken as that echo and skipped; any other event (another window, another process)
 * reloads. Should an echo be skipped in place of another window's event, the real echo comes after
 * it and reloads instead. Expectations lapse after a while, so a lost echo never hides a later
 * change.
 */
/** The key of a change to the codebook alone (an article id never starts with a NUL). */
export const CODEBOOK = '\u0000codebook';

export class OwnChanges {
  private expected: { key: string; until: number }[] = [];

  constructor(
    private readonly lapseMs = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called before a change of `key` (an article id) is sent. */
  expect(key: string): void {
    this.expected.push({ key, until: this.now() + this.lapseMs });
  }

  /** A change of `key` that will not be echoed after all (it failed): forget one expectation. */
  cancel(key: string): void {
    const at = this.expected.findIndex((e) => e.key === key);
    if (at >= 0) this.expected.splice(at, 1);
  }

  /** Whether an event about `key` is the echo of an own change (and takes that expectation). */
  isEcho(key: string | null): boolean {
    const now = this.now();
    this.expected = this.expected.filter((e) => e.until > now);
    if (key === null) return false;
    const at = this.expected.findIndex((e) => e.key === key);
    if (at < 0) return false;
    this.expected.splice(at, 1);
    return true;
  }
}
