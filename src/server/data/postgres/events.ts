import type { EventCount, EventStore, ZeroResultSearch } from '../../events/store';
import type { Sql } from './sql';

/** The widget's events over Postgres (PGlite or a server), table `fanshop_events` (migrations.ts, step 4). */
export function eventStore(sql: Sql): EventStore {
  return {
    async recordEvents(events) {
      if (!events.length) return;
      // One statement: the batch is kept whole or not at all. Times as ISO text: the postgres
      // driver sends an array of Dates as one timestamp.
      await sql.query(
        `insert into fanshop_events (at, type, product_id, query, results, shopper)
         select * from unnest($1::text[]::timestamptz[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[])`,
        [events.map((e) => e.at.toISOString()), events.map((e) => e.type), events.map((e) => e.productId), events.map((e) => e.query), events.map((e) => e.results), events.map((e) => e.shopper)],
      );
    },
    async eventCounts(from, to) {
      // Ids in code point order, as SQLite (the Durable Object) compares them; nulls first there too.
      return sql.query<EventCount>(
        `select type, product_id as "productId", count(*)::int as count from fanshop_events
         where at >= $1 and at < $2 and type <> 'search'
         group by type, product_id order by type collate "C", product_id collate "C" nulls first`,
        [from, to],
      );
    },
    async zeroResultSearches(from, to, limit) {
      return sql.query<ZeroResultSearch>(
        `select query, count(*)::int as count from fanshop_events
         where at >= $1 and at < $2 and type = 'search' and results = 0 and query is not null
         group by query order by count desc, query collate "C" limit $3`,
        [from, to, limit],
      );
    },
  };
}
