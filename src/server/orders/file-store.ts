import { link, mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Order, OrderStore } from './order';

/**
 * The embedded order store: one JSON file per order in `<dir>/orders`, one marker file per
 * processed webhook event in `<dir>/events`. A file is written to a temporary name, flushed to
 * disk (fsync) and then linked into place; that is atomic on POSIX file systems, so a crash
 * mid-write leaves either the whole order or none of it, never half a file. The file is put in
 * place with link(), which fails if the name exists: of two concurrent writers exactly one wins.
 * Survives restarts.
 */
export function fileOrderStore(dir: string): OrderStore {
  const ordersDir = join(dir, 'orders');
  const eventsDir = join(dir, 'events');
  const ready = Promise.all([mkdir(ordersDir, { recursive: true }), mkdir(eventsDir, { recursive: true })]);
  // File names come from Stripe ids; anything else is refused rather than escaped.
  const safe = (id: string) => {
    if (!/^[\w-]{1,255}$/.test(id)) throw new Error(`[fanshop] unexpected id ${JSON.stringify(id.slice(0, 40))}`);
    return id;
  };

  /** Writes `content` to `path` unless it exists; true when this call wrote it. */
  async function createAtomically(path: string, content: string): Promise<boolean> {
    await ready;
    const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await unlink(temp);
    }
  }

  return {
    async saveOrder(order) {
      const written = await createAtomically(join(ordersDir, `${safe(order.id)}.json`), JSON.stringify(order, null, 2));
      return written ? 'created' : 'exists';
    },
    async getOrder(id) {
      await ready;
      try {
        return JSON.parse(await readFile(join(ordersDir, `${safe(id)}.json`), 'utf8')) as Order;
      } catch {
        return undefined;
      }
    },
    async listOrders() {
      await ready;
      const names = (await readdir(ordersDir)).filter((n) => n.endsWith('.json'));
      const orders = await Promise.all(names.map(async (n) => JSON.parse(await readFile(join(ordersDir, n), 'utf8')) as Order));
      return orders.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async markEventProcessed(eventId) {
      return createAtomically(join(eventsDir, safe(eventId)), new Date().toISOString());
    },
    async hasProcessedEvent(eventId) {
      await ready;
      try {
        await readFile(join(eventsDir, safe(eventId)));
        return true;
      } catch {
        return false;
      }
    },
  };
}
