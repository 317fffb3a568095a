import { describe, expect, it } from 'vitest';
import { fixedWindowLimit } from './rate-limit';

describe('fixedWindowLimit', () => {
  it('lets a client make as many requests as the limit in one window, then refuses until the next', () => {
    const limit = fixedWindowLimit(2, 60_000);
    expect([limit.take('a', 0), limit.take('a', 1), limit.take('a', 2)]).toEqual([true, true, false]);
    expect(limit.take('b', 3)).toBe(true);
    expect(limit.take('a', 60_000)).toBe(true);
  });

  it('refuses every request with a limit of 0, in every window', () => {
    const limit = fixedWindowLimit(0, 60_000);
    expect([limit.take('a', 0), limit.take('a', 1), limit.take('a', 60_000), limit.take('b', 120_000)]).toEqual([false, false, false, false]);
  });
});
