import { afterAll, describe, expect, it, vi } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeData } from '../node';

/**
 * Upgrading: `fixture-data-dir` was written by the file stores of the Fanshop before the
 * database (likes.log and orders/*.json, with the *.tmp files and the torn last line a crash
 * leaves). What those stores held, it must hold after the upgrade.
 */
const fixture = new URL('./fixture-data-dir', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyOfFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fanshop-upgrade-'));
  dirs.push(dir);
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** The likes standing at the end of the log, worked out from its lines independently of import.ts. */
function expectedLikes(dir: string): Map<string, Set<string>> {
  const likes = new Map<string, Set<string>>();
  const text = readFileSync(join(dir, 'likes.log'), 'utf8');
  for (const line of text.split('\n').slice(0, -1)) {
    const { p, s, l } = JSON.parse(line) as { p: string; s: string; l: boolean };
    if (!likes.has(p)) likes.set(p, new Set());
    if (l) likes.get(p)!.add(s);
    else likes.get(p)!.delete(s);
  }
  return likes;
}

describe('upgrading a data directory of the file stores', () => {
  it('keeps every like, order and processed event, skips what a crash left, and keeps the old files', async () => {
    const dir = copyOfFixture();
    const before = readdirSync(join(dir, 'orders')).map((name) => [name, statSync(join(dir, 'orders', name)).size]);
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    const data = await openNodeData({ FANSHOP_DATA_DIR: dir, DATABASE_URL: undefined });
    try {
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/imported \d+ likes, 24 orders and 24 webhook events .* 6 temporary files of interrupted writes skipped/));
      const likes = expectedLikes(dir);
      const products = [...likes.keys()];
      expect(await data.likes.counts(products)).toEqual(Object.fromEntries(products.map((p) => [p, likes.get(p)!.size])));
      for (const [product, shoppers] of likes) for (const shopper of shoppers) expect(await data.likes.likedBy(shopper, [product])).toEqual([product]);
      expect(await data.likes.likedBy('ü-shopper-😀', ['tour-tee'])).toEqual(['tour-tee']);
      // The torn last line was never answered: not a like.
      expect(await data.likes.likedBy('torn', ['vinyl-lp'])).toEqual([]);

      const orders = await data.orders.listOrders();
      const files = readdirSync(join(dir, 'orders')).filter((n) => n.endsWith('.json'));
      expect(orders).toHaveLength(files.length);
      for (const name of files) {
        const written = JSON.parse(readFileSync(join(dir, 'orders', name), 'utf8')) as object;
        expect(await data.orders.getOrder(name.replace(/\.json$/, ''))).toEqual({ ...written, oversold: false });
      }
      expect(await data.orders.hasProcessedEvent('evt_legacy000')).toBe(true);
      expect(await data.orders.markEventProcessed('evt_legacy023')).toBe(false);
      // The old files are as they were.
      expect(readdirSync(join(dir, 'orders')).map((name) => [name, statSync(join(dir, 'orders', name)).size])).toEqual(before);
    } finally {
      await data.close();
      logged.mockRestore();
    }
  }, 60_000);

  it('imports once: a restart, or a like changed since, is not overwritten by the old log', async () => {
    const dir = copyOfFixture();
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    const first = await openNodeData({ FANSHOP_DATA_DIR: dir, DATABASE_URL: undefined });
    const product = [...expectedLikes(dir).keys()][0]!;
    const shopper = [...expectedLikes(dir).get(product)!][0]!;
    await first.likes.setLike(product, shopper, false);
    await first.close();
    logged.mockClear();
    const second = await openNodeData({ FANSHOP_DATA_DIR: dir, DATABASE_URL: undefined });
    try {
      expect(logged).not.toHaveBeenCalledWith(expect.stringContaining('imported'));
      expect(await second.likes.likedBy(shopper, [product])).toEqual([]);
      expect(await second.orders.listOrders()).toHaveLength(24);
    } finally {
      await second.close();
      logged.mockRestore();
    }
  }, 60_000);

  it('starts empty, and quietly, in a new data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanshop-new-'));
    dirs.push(dir);
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    const data = await openNodeData({ FANSHOP_DATA_DIR: dir, DATABASE_URL: undefined });
    try {
      expect(await data.orders.listOrders()).toEqual([]);
      expect(logged).not.toHaveBeenCalledWith(expect.stringContaining('imported'));
    } finally {
      await data.close();
      logged.mockRestore();
    }
  }, 60_000);
});
