import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeData } from './node';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanshop-lock-'));
  dirs.push(dir);
  return dir;
};

describe('the embedded database’s directory', () => {
  it('is one process’s: a second open is refused, naming what to do, until the first closes', async () => {
    const dir = newDir();
    const first = await openNodeData({ FANSHOP_DATA_DIR: dir, DATABASE_URL: undefined });
    // Another live process holding it: this test's parent.
    writeFileSync(join(dir, 'pglite.lock'), String(process.ppid));
    await expect(openNodeData({ FANSHOP_DATA_DIR: dir, DATABASE_URL: undefined })).rejects.toThrow(/another Fanshop process \(pid \d+\) uses .* DATABASE_URL/);
    writeFileSync(join(dir, 'pglite.lock'), String(process.pid));
    await first.close();
    expect(existsSync(join(dir, 'pglite.lock'))).toBe(false);
  }, 60_000);

  it('is taken over from a process that died without letting go (kill -9)', async () => {
    const dir = newDir();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dir, 'pglite.lock'), String(gone));
    const data = await openNodeData({ FANSHOP_DATA_DIR: dir, DATABASE_URL: undefined });
    expect(await data.likes.counts(['x'])).toEqual({ x: 0 });
    await data.close();
  }, 60_000);
});
