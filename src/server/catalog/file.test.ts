import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogFile } from './file';

const file = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'fanshop-catalog-')), 'catalog.json');
  writeFileSync(path, text);
  return path;
};

describe('catalogFile', () => {
  it('reads the file as written', async () => {
    expect(await catalogFile(file('{"a":1}')).read()).toBe('{"a":1}');
  });

  it('keeps its version between rechecks, so a checkout does not wait for the disk', async () => {
    let now = 0;
    const path = file('{"a":1}');
    const source = catalogFile(path, { recheckMs: 1000, now: () => now });
    const first = await source.version!();
    writeFileSync(path, '{"a":22}');
    now = 999;
    expect(await source.version!()).toBe(first);
    now = 1000;
    expect(await source.version!()).not.toBe(first);
  });
});
