import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envTable } from './env-table';

const readme = new URL('../../../README.md', import.meta.url);
const START = /<!-- env-table:[^>]*-->\n/;
const END = '\n<!-- /env-table -->';

describe('the README’s environment table', () => {
  it('is the one made from the settings schema (npm run docs:env rewrites it)', () => {
    const text = readFileSync(readme, 'utf8');
    const start = START.exec(text);
    const end = text.indexOf(END);
    expect(start, 'README.md lacks the <!-- env-table --> markers').not.toBeNull();
    const current = text.slice(start!.index + start![0].length, end);
    if (process.env.UPDATE_DOCS && current !== envTable()) {
      writeFileSync(readme, text.slice(0, start!.index + start![0].length) + envTable() + text.slice(end));
      return;
    }
    expect(current).toBe(envTable());
  });
});
