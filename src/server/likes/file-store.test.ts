import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileLikesStore, type FileLikesStore } from './file-store';

const dirs: string[] = [];
const open: FileLikesStore[] = [];
function newDir() {
  const dir = mkdtempSync(join(tmpdir(), 'fanshop-likes-'));
  dirs.push(dir);
  return dir;
}
function store(dir: string, options?: Parameters<typeof fileLikesStore>[1]) {
  const s = fileLikesStore(dir, options);
  open.push(s);
  return s;
}
/** The store a restarted server gets: the old one closed, a new one over the same directory. */
async function restart(old: FileLikesStore, dir: string, options?: Parameters<typeof fileLikesStore>[1]) {
  await old.close();
  return store(dir, options);
}
const logLines = (dir: string) => readFileSync(join(dir, 'likes.log'), 'utf8').split('\n').filter(Boolean);

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('fileLikesStore', () => {
  it('keeps likes across a restart', async () => {
    const dir = newDir();
    const first = store(dir);
    await first.setLike('mug', 'shopper-a', true);
    await first.setLike('mug', 'shopper-b', true);
    await first.setLike('tea', 'shopper-a', true);
    const second = await restart(first, dir);
    expect(await second.counts(['mug', 'tea', 'jam'])).toEqual({ mug: 2, tea: 1, jam: 0 });
    expect(await second.likedBy('shopper-a', ['jam', 'tea', 'mug'])).toEqual(['tea', 'mug']);
  });

  it('counts 200 shoppers liking at the same moment exactly, before and after a restart', async () => {
    const dir = newDir();
    const first = store(dir);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => first.setLike('mug', `shopper-${i}`, true)));
    expect(results.every((r) => r.liked)).toBe(true);
    expect(Math.max(...results.map((r) => r.count))).toBe(200);
    expect(await first.counts(['mug'])).toEqual({ mug: 200 });
    expect(logLines(dir)).toHaveLength(200);
    expect(await (await restart(first, dir)).counts(['mug'])).toEqual({ mug: 200 });
  });

  it('counts one shopper liking twice, even at the same moment, once', async () => {
    const dir = newDir();
    const s = store(dir);
    await s.setLike('mug', 'shopper-a', true);
    expect(await s.setLike('mug', 'shopper-a', true)).toEqual({ count: 1, liked: true });
    await Promise.all([s.setLike('tea', 'shopper-a', true), s.setLike('tea', 'shopper-a', true), s.setLike('tea', 'shopper-a', true)]);
    expect(await s.counts(['mug', 'tea'])).toEqual({ mug: 1, tea: 1 });
    // A change that changes nothing is not written either.
    expect(logLines(dir)).toHaveLength(2);
  });

  it('takes exactly that shopper’s like away on unlike, and unliking twice changes nothing', async () => {
    const dir = newDir();
    const s = store(dir);
    await s.setLike('mug', 'shopper-a', true);
    await s.setLike('mug', 'shopper-b', true);
    expect(await s.setLike('mug', 'shopper-a', false)).toEqual({ count: 1, liked: false });
    expect(await s.setLike('mug', 'shopper-a', false)).toEqual({ count: 1, liked: false });
    expect(await s.setLike('mug', 'shopper-c', false)).toEqual({ count: 1, liked: false });
    expect(await s.likedBy('shopper-b', ['mug'])).toEqual(['mug']);
    const again = await restart(s, dir);
    expect(await again.counts(['mug'])).toEqual({ mug: 1 });
    expect(await again.likedBy('shopper-a', ['mug'])).toEqual([]);
  });

  it('ignores the torn last line of a crash mid-write, and appends after it on a line of its own', async () => {
    const dir = newDir();
    const first = store(dir);
    await first.setLike('mug', 'shopper-a', true);
    await first.setLike('mug', 'shopper-b', true);
    await first.close();
    appendFileSync(join(dir, 'likes.log'), '{"p":"mug","s":"shopper-c","l":tr');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const second = store(dir);
    expect(await second.counts(['mug'])).toEqual({ mug: 2 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('cut off an unfinished last line'));
    await second.setLike('mug', 'shopper-d', true);
    expect(logLines(dir)).toEqual([expect.stringContaining('shopper-a'), expect.stringContaining('shopper-b'), expect.stringContaining('shopper-d')]);
    const third = await restart(second, dir);
    expect(await third.counts(['mug'])).toEqual({ mug: 3 });
    expect(await third.likedBy('shopper-c', ['mug'])).toEqual([]);
  });

  it('skips a line it cannot read and keeps the others', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'likes.log'), '{"p":"mug","s":"a","l":true}\nnot json\n{"p":"mug","l":true}\n{"p":"mug","s":"b","l":true}\n');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await store(dir).counts(['mug'])).toEqual({ mug: 2 });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('skipped 2 unreadable line(s)'));
  });

  it('rewrites a log grown long with changes as one line per like, and replays it the same', async () => {
    const dir = newDir();
    const s = store(dir, { compactAfter: 10 });
    for (let round = 0; round < 10; round += 1) {
      await Promise.all([s.setLike('mug', 'shopper-a', round % 2 === 0), s.setLike('tea', `shopper-${round}`, true)]);
    }
    expect(await s.counts(['mug', 'tea'])).toEqual({ mug: 0, tea: 10 });
    // Compaction runs after the answer, before the next change is written.
    await s.setLike('mug', 'shopper-z', true);
    // 20 lines for 10 likes (mug liked and unliked five times) became the 10 tea likes; then the new one.
    expect(logLines(dir)).toHaveLength(11);
    expect(logLines(dir).filter((l) => l.includes('"mug"'))).toEqual(['{"p":"mug","s":"shopper-z","l":true}']);
    const again = await restart(s, dir, { compactAfter: 10 });
    expect(await again.counts(['mug', 'tea'])).toEqual({ mug: 1, tea: 10 });
    expect(await again.likedBy('shopper-z', ['mug', 'tea'])).toEqual(['mug']);
  });

  it('creates its directory and starts empty', async () => {
    const dir = join(newDir(), 'nested', 'data');
    const s = store(dir);
    expect(await s.counts(['mug'])).toEqual({ mug: 0 });
    expect(await s.setLike('mug', 'shopper-a', true)).toEqual({ count: 1, liked: true });
  });
});
