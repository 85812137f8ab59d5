// The echo of the window's own change is skipped once; anything else, or a late echo, reloads.
import { describe, expect, it } from 'vitest';
import { OwnChanges } from '../../../renderer/src/data/own-changes.js';

describe('own changes', () => {
  it('takes one event per change sent as its echo, and no more', () => {
    const own = new OwnChanges();
    own.expect('a1');
    own.expect('a1');
    expect(own.isEcho('a2')).toBe(false);
    expect(own.isEcho('a1')).toBe(true);
    expect(own.isEcho('a1')).toBe(true);
    expect(own.isEcho('a1')).toBe(false);
  });

  it('never takes a library-wide event for an echo', () => {
    const own = new OwnChanges();
    own.expect('a1');
    expect(own.isEcho(null)).toBe(false);
    expect(own.isEcho('a1')).toBe(true);
  });

  it('forgets a change that failed, and expectations that lapsed', () => {
    let now = 0;
    const own = new OwnChanges(1000, () => now);
    own.expect('a1');
    own.cancel('a1');
    expect(own.isEcho('a1')).toBe(false);
    own.expect('a1');
    now = 1001;
    expect(own.isEcho('a1')).toBe(false);
  });
});
