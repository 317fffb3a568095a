import { describe, expect, it } from 'vitest';
import { fitted } from './bar-chart';

describe('fitted', () => {
  it('keeps a label that fits under its bar, and cuts one that does not, with an ellipsis', () => {
    expect(fitted('Views', 140)).toBe('Views');
    expect(fitted('Purchases (paid orders)', 70)).toBe('Purchases…');
    expect(fitted('Purchases (paid orders)', 10)).toBe('Pu…');
  });
});
