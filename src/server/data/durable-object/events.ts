import type { EventCount, StoredEvent, ZeroResultSearch } from '../../events/store';

/**
 * The widget's events in the Durable Object's SQLite (migrations.ts, step 4), with the semantics
 * of the Postgres engine (data/postgres/events.ts): times are milliseconds since the epoch.
 * Plain functions, called by FanshopData's methods, so RPC reaches only those.
 */
export function recordEvents(storage: DurableObjectStorage, events: readonly StoredEvent[]): void {
  storage.transactionSync(() => {
    for (const e of events) {
      storage.sql.exec('insert into fanshop_events (at, type, product_id, query, results, shopper) values (?, ?, ?, ?, ?, ?)', e.at.getTime(), e.type, e.productId, e.query, e.results, e.shopper);
    }
  });
}

export function eventCounts(sql: SqlStorage, from: Date, to: Date): EventCount[] {
  return sql
    .exec<{ type: EventCount['type']; productId: string | null; count: number }>(
      `select type, product_id as productId, count(*) as count from fanshop_events
       where at >= ? and at < ? and type <> 'search'
       group by type, product_id order by type, product_id`,
      from.getTime(),
      to.getTime(),
    )
    .toArray();
}

export function zeroResultSearches(sql: SqlStorage, from: Date, to: Date, limit: number): ZeroResultSearch[] {
  return sql
    .exec<{ query: string; count: number }>(
      `select query, count(*) as count from fanshop_events
       where at >= ? and at < ? and type = 'search' and results = 0 and query is not null
       group by query order by count desc, query limit ?`,
      from.getTime(),
      to.getTime(),
      limit,
    )
    .toArray();
}
