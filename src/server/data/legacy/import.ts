import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Order } from '../../orders/order';
import { MIGRATION_LOCK } from '../postgres/migrations';
import { orderProducts } from '../../orders/order';
import type { Sql, SqlClient } from '../postgres/sql';

/** The name the import is recorded under in `fanshop_imports`: it runs once per database. */
const IMPORT = 'data-dir-files-v1';

export interface ImportSummary {
  readonly likes: number;
  readonly orders: number;
  readonly events: number;
  /** Files left by a crash mid-write (`*.tmp`), not orders: skipped. */
  readonly skippedTemporary: number;
  /** Lines of likes.log or order files that could not be read: skipped and logged. */
  readonly unreadable: number;
}

/**
 * Brings the data of a Fanshop from before the database into it, once: likes from
 * `<dir>/likes.log` (one JSON line per change, replayed in order: the last change of a shopper
 * and product wins; a torn last line, which a crash in an append leaves, is not a change),
 * orders from `<dir>/orders/*.json` (the `*.tmp` files a crash leaves beside them are not
 * orders) and processed webhook events from `<dir>/events`. One transaction under the
 * migrations' lock: two processes starting at once import once. The files are left as they
 * are. Returns what was imported, or undefined when it had been before or there was nothing.
 */
export async function importLegacyFiles(sql: Sql, dir: string, log: (line: string) => void = console.log): Promise<ImportSummary | undefined> {
  // Once imported, later starts read no old file (asked again under the lock, for a race).
  if (await imported(sql)) return undefined;
  const files = await readLegacy(dir);
  if (!files) return undefined;
  const summary = await sql.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    if (await imported(tx)) return undefined;
    const likes = [...files.likes].map((key) => key.split('\u0000') as [string, string]);
    for (let i = 0; i < likes.length; i += 1000) {
      const batch = likes.slice(i, i + 1000);
      await tx.query('insert into fanshop_likes (product_id, shopper) select * from unnest($1::text[], $2::text[]) on conflict do nothing', [batch.map((l) => l[0]), batch.map((l) => l[1])]);
    }
    for (const order of files.orders) {
      await tx.query('insert into fanshop_orders (id, created_at, oversold, body) values ($1, $2, $3, $4) on conflict (id) do nothing', [order.id, order.createdAt, order.oversold, JSON.stringify(order)]);
      await tx.query('insert into fanshop_order_products (order_id, product_id) select $1, unnest($2::text[]) on conflict do nothing', [order.id, orderProducts(order)]);
    }
    if (files.events.length) await tx.query('insert into fanshop_webhook_events (id) select unnest($1::text[]) on conflict do nothing', [files.events]);
    const done: ImportSummary = { likes: likes.length, orders: files.orders.length, events: files.events.length, skippedTemporary: files.skippedTemporary, unreadable: files.unreadable };
    await tx.query('insert into fanshop_imports (name, summary) values ($1, $2)', [IMPORT, JSON.stringify({ dir, ...done })]);
    return done;
  });
  if (summary) {
    log(
      `[fanshop] imported ${summary.likes} likes, ${summary.orders} orders and ${summary.events} webhook events from ${dir} (kept as they were; ${summary.skippedTemporary} temporary files of interrupted writes skipped${summary.unreadable ? `, ${summary.unreadable} unreadable entries skipped` : ''})`,
    );
  }
  return summary;
}

const imported = async (db: SqlClient) => (await db.query('select 1 from fanshop_imports where name = $1', [IMPORT])).length > 0;

interface LegacyFiles {
  /** `product\0shopper` of every like standing at the end of the log. */
  readonly likes: Set<string>;
  readonly orders: Order[];
  readonly events: string[];
  readonly skippedTemporary: number;
  readonly unreadable: number;
}

async function readLegacy(dir: string): Promise<LegacyFiles | undefined> {
  const [log, orderNames, eventNames] = await Promise.all([readFile(join(dir, 'likes.log'), 'utf8').catch(missing), readdir(join(dir, 'orders')).catch(missing), readdir(join(dir, 'events')).catch(missing)]);
  if (log === undefined && orderNames === undefined && eventNames === undefined) return undefined;
  let unreadable = 0;
  const likes = new Set<string>();
  // Whole lines only: whatever follows the last newline is a torn append.
  const whole = log === undefined ? [] : log.slice(0, log.lastIndexOf('\n') + 1).split('\n').filter(Boolean);
  for (const line of whole) {
    try {
      const change = JSON.parse(line) as { p?: unknown; s?: unknown; l?: unknown };
      if (typeof change.p !== 'string' || typeof change.s !== 'string' || typeof change.l !== 'boolean') throw new Error('not a like');
      const key = `${change.p}\u0000${change.s}`;
      if (change.l) likes.add(key);
      else likes.delete(key);
    } catch {
      unreadable += 1;
      console.error(`[fanshop] ${join(dir, 'likes.log')}: an unreadable line was skipped: ${line.slice(0, 120)}`);
    }
  }
  const orders: Order[] = [];
  let skippedTemporary = 0;
  for (const name of orderNames ?? []) {
    if (name.endsWith('.tmp')) {
      skippedTemporary += 1;
      continue;
    }
    if (!name.endsWith('.json')) continue;
    const path = join(dir, 'orders', name);
    try {
      const order = JSON.parse(await readFile(path, 'utf8')) as Order;
      if (typeof order.id !== 'string' || typeof order.createdAt !== 'string' || !Array.isArray(order.lines)) throw new Error('not an order');
      orders.push({ ...order, oversold: order.oversold ?? false });
    } catch (error) {
      unreadable += 1;
      console.error(`[fanshop] ${path} is not an order and was not imported:`, error instanceof Error ? error.message : error);
    }
  }
  const events = (eventNames ?? []).filter((name) => /^evt_[\w-]+$/.test(name));
  return { likes, orders, events, skippedTemporary, unreadable };
}

const missing = (error: NodeJS.ErrnoException): undefined => {
  if (error.code === 'ENOENT') return undefined;
  throw error;
};
