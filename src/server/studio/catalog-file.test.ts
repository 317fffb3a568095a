import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogFileWriter } from './catalog-file';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
const folder = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fanshop-catalog-file-'));
  dirs.push(dir);
  return dir;
};

describe('saving the catalog file', () => {
  it('copies the old file to .bak before writing the new one, and leaves no temporary file', async () => {
    const dir = await folder();
    const path = join(dir, 'catalog.json');
    await writeFile(path, 'old');
    expect(await catalogFileWriter(path).save('new')).toEqual({ backup: `${path}.bak` });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['catalog.json', 'catalog.json.bak']);
  });

  it('writes a first file without a backup', async () => {
    const dir = await folder();
    const path = join(dir, 'catalog.json');
    expect(await catalogFileWriter(path).save('first')).toEqual({ backup: null });
    expect(await readdir(dir)).toEqual(['catalog.json']);
  });

  it('fails without touching anything when the folder is not there', async () => {
    const path = join(await folder(), 'missing', 'catalog.json');
    await expect(catalogFileWriter(path).save('x')).rejects.toThrow();
  });
});
