import { describe, expect, it } from 'vitest';
import { FREE_MISTAKES, loginThrottle } from './throttle';

describe('the login throttle', () => {
  it('lets a few mistakes pass, then makes each further try wait twice as long, up to 15 minutes', () => {
    const throttle = loginThrottle();
    for (let i = 0; i < FREE_MISTAKES; i++) {
      throttle.failed('a', 0);
      expect(throttle.wait('a', 0)).toBe(0);
    }
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      throttle.failed('a', 0);
      waits.push(throttle.wait('a', 0));
    }
    expect(waits.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(waits.at(-1)).toBe(15 * 60_000);
    expect(throttle.wait('a', 15 * 60_000)).toBe(0);
    expect(throttle.wait('b', 0)).toBe(0);
  });

  it('forgets a client’s mistakes once it gives the right password', () => {
    const throttle = loginThrottle();
    for (let i = 0; i <= FREE_MISTAKES; i++) throttle.failed('a', 0);
    expect(throttle.wait('a', 0)).toBeGreaterThan(0);
    throttle.succeeded('a');
    expect(throttle.wait('a', 0)).toBe(0);
    throttle.failed('a', 0);
    expect(throttle.wait('a', 0)).toBe(0);
  });
});
