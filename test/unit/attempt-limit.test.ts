// The attempt counter the lookup (and later sign-in) uses: per key, in a sliding window, on a clock of its own.
import { describe, expect, it } from 'vitest';
import { AttemptLimit } from '../../electron/backend/attempt-limit';

describe('attempt limit', () => {
  it('allows max attempts per key in the window, then tells how long to wait; the window slides', () => {
    let now = 1_000_000;
    const limit = new AttemptLimit({ max: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(limit.waitMs('a')).toBe(0);
      limit.count('a');
      now += 10_000;
    }
    expect(limit.waitMs('a')).toBe(30_000); // the first attempt (at 1,000,000) leaves the window at 1,060,000
    expect(limit.waitMs('b')).toBe(0); // keys are apart
    now += 30_000;
    expect(limit.waitMs('a')).toBe(0);
    limit.count('a');
    expect(limit.waitMs('a')).toBe(10_000);
    limit.clear('a');
    expect(limit.waitMs('a')).toBe(0);
  });

  it('forgets the least recently used keys beyond maxKeys', () => {
    const now = 0;
    const limit = new AttemptLimit({ max: 1, windowMs: 60_000, now: () => now, maxKeys: 2 });
    limit.count('a');
    limit.count('b');
    limit.count('a');
    limit.count('c'); // b was used least recently
    expect(limit.waitMs('a')).toBeGreaterThan(0);
    expect(limit.waitMs('c')).toBeGreaterThan(0);
    expect(limit.waitMs('b')).toBe(0);
  });

  it('takes back only the latest attempt of a key when it is forgiven', () => {
    let now = 0;
    const limit = new AttemptLimit({ max: 2, windowMs: 60_000, now: () => now });
    limit.count('a');
    now += 1000;
    limit.count('a'); // counted before it was known to be right, then forgiven
    expect(limit.waitMs('a')).toBe(59_000);
    limit.forgiveLast('a');
    expect(limit.waitMs('a')).toBe(0);
    limit.count('a');
    expect(limit.waitMs('a')).toBe(59_000); // the older attempt still counts
    limit.forgiveLast('a');
    limit.forgiveLast('a');
    limit.forgiveLast('a'); // nothing left to take back
    expect(limit.waitMs('a')).toBe(0);
  });
});
