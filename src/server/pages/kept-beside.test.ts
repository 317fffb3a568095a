import { describe, expect, it } from 'vitest';
import { keptBeside } from './kept-beside';

describe('keptBeside', () => {
  it('makes a value once per object and key, keeps null too, and starts again past the most per object', () => {
    const kept = keptBeside<object, string | null>(2);
    const owner = {};
    let made = 0;
    const make = (value: string | null) => () => (made++, value);
    expect(kept.made(owner, 'a', make('A'))).toBe('A');
    expect(kept.made(owner, 'a', make('other'))).toBe('A');
    expect(kept.made(owner, 'n', make(null))).toBeNull();
    expect(kept.made(owner, 'n', make('other'))).toBeNull();
    expect(made).toBe(2);
    // Another object keeps its own.
    expect(kept.made({}, 'a', make('B'))).toBe('B');
    // A third key for the first object: its values start again.
    kept.set(owner, 'c', 'C');
    expect(kept.has(owner, 'a')).toBe(false);
    expect(kept.get(owner, 'c')).toBe('C');
  });
});
