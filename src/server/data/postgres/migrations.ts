import type { Sql } from './sql';

/**
 * The schema, as numbered steps. A step is never edited once released: a change is a new step.
 * `migrate` applies the missing ones at start, in order, in one transaction.
 */
export const MIGRATIONS: readonly { readonly version: number; readonly name: string; readonly statements: readonly string[] }[] = [
  {
    version: 1,
    name: 'likes, orders, webhook events, stock and reservations',
    statements: [
      `create table fanshop_likes (
         product_id text not null,
         shopper text not null,
         created_at timestamptz not null default now(),
         primary key (product_id, shopper))`,
      `create index fanshop_likes_by_shopper on fanshop_likes (shopper)`,
      // The whole order as the webhook made it; the columns are what is searched or sorted by.
      `create table fanshop_orders (
         id text primary key,
         created_at timestamptz not null,
         oversold boolean not null default false,
         body jsonb not null)`,
      `create index fanshop_orders_by_time on fanshop_orders (created_at, id)`,
      `create table fanshop_webhook_events (
         id text primary key,
         processed_at timestamptz not null default now())`,
      // One row per tracked item: the catalog's stock when it was last set (baseline), the units
      // sold since, and the units its reservation lines flagged held hold (kept with them, so
      // what is free is one row's arithmetic however busy the item is; a line past its end is
      // unflagged, and taken off, by the next reservation or sale of its item).
      `create table fanshop_stock (
         item text primary key,
         baseline integer not null,
         sold integer not null default 0,
         held integer not null default 0,
         set_at timestamptz not null default now())`,
      `create table fanshop_reservations (
         id text primary key,
         key text not null,
         generation integer not null,
         state text not null check (state in ('held', 'released', 'sold')),
         expires_at timestamptz not null,
         created_at timestamptz not null default now(),
         oversold boolean not null default false,
         unique (key, generation))`,
      // A reservation's lines, with its end and whether they still count in fanshop_stock.held
      // copied in; the partial index finds the held lines that have run out.
      `create table fanshop_reservation_lines (
         reservation_id text not null references fanshop_reservations (id),
         item text not null,
         quantity integer not null check (quantity > 0),
         held boolean not null default true,
         expires_at timestamptz not null,
         primary key (reservation_id, item))`,
      `create index fanshop_reservation_lines_held on fanshop_reservation_lines (item, expires_at) where held`,
      // Every writer of an item's stock takes these locks first, in one order for everyone (by
      // the hash the lock is keyed on), so two writers of the same items wait for each other
      // and never for each other in a circle: also for items that have no row yet, which a
      // row lock cannot hold (concurrent first sales of new items deadlocked on the server).
      `create function fanshop_lock_items(p_items text[]) returns void
       language plpgsql as $$
       declare
         h integer;
       begin
         for h in select distinct hashtext(i) from unnest(p_items) as i order by 1 loop
           perform pg_advisory_xact_lock(7466002, h);
         end loop;
       end $$`,
      // Lines of these items whose reservation has run out stop counting as held. The caller
      // holds the items' rows.
      `create function fanshop_unhold_expired(p_items text[], p_now timestamptz) returns void
       language sql as $$
         with ended as (
           update fanshop_reservation_lines set held = false
           where item = any (p_items) and held and expires_at <= p_now
           returning item, quantity)
         update fanshop_stock s set held = s.held - e.quantity
         from (select item, sum(quantity)::integer as quantity from ended group by item) e
         where s.item = e.item
       $$`,
      // A checkout's reservation in one call (stores.ts says what it does; one round trip to
      // the database instead of eight keeps the checkout's own time low).
      `create function fanshop_reserve(p_key text, p_items text[], p_stocks integer[], p_quantities integer[], p_expires timestamptz, p_now timestamptz)
       returns table (ok boolean, reservation_id text, reservation_expires timestamptz, replay boolean, line_index integer, available integer)
       language plpgsql as $$
       declare
         last_id text;
         last_generation integer;
         last_state text;
         last_expires timestamptz;
         short_index integer;
         short_free integer;
         new_id text;
       begin
         -- The items are locked (fanshop_lock_items). A changed catalog number (or a new item) is
         -- a new baseline: written only then.
         perform fanshop_lock_items(p_items);
         if exists (
           select 1 from unnest(p_items, p_stocks) as g (item, baseline)
           left join fanshop_stock s on s.item = g.item
           where s.item is null or s.baseline <> g.baseline) then
           insert into fanshop_stock as s (item, baseline)
             select g.item, g.baseline from unnest(p_items, p_stocks) as g (item, baseline) order by g.item
             on conflict (item) do update set baseline = excluded.baseline, sold = 0, set_at = now()
             where s.baseline <> excluded.baseline;
         end if;
         perform fanshop_unhold_expired(p_items, p_now);
         select r.id, r.generation, r.state, r.expires_at into last_id, last_generation, last_state, last_expires
           from fanshop_reservations r where r.key = p_key order by r.generation desc limit 1;
         if last_state = 'held' and last_expires > p_now then
           return query select true, last_id, last_expires, true, null::integer, null::integer;
           return;
         end if;
         -- The first line (in the order given) that cannot be held, and what is free of it.
         select g.n - 1, greatest(0, s.baseline - s.sold - s.held) into short_index, short_free
           from unnest(p_items, p_quantities) with ordinality as g (item, quantity, n)
           join fanshop_stock s on s.item = g.item
           where g.quantity > greatest(0, s.baseline - s.sold - s.held)
           order by g.n limit 1;
         if short_index is not null then
           return query select false, null::text, null::timestamptz, false, short_index, short_free;
           return;
         end if;
         new_id := p_key || '.' || (coalesce(last_generation, 0) + 1);
         insert into fanshop_reservations (id, key, generation, state, expires_at) values (new_id, p_key, coalesce(last_generation, 0) + 1, 'held', p_expires);
         insert into fanshop_reservation_lines (reservation_id, item, quantity, expires_at)
           select new_id, l.item, l.quantity, p_expires from unnest(p_items, p_quantities) as l (item, quantity);
         update fanshop_stock s set held = s.held + l.quantity from unnest(p_items, p_quantities) as l (item, quantity) where s.item = l.item;
         return query select true, new_id, p_expires, false, null::integer, null::integer;
       end $$`,
      // What was imported once from an older data directory (data/legacy/import.ts).
      `create table fanshop_imports (
         name text primary key,
         imported_at timestamptz not null default now(),
         summary jsonb not null)`,
    ],
  },
  {
    version: 2,
    name: 'reviews',
    statements: [
      // One review per product per order (the paid Checkout Session); `order_id` never leaves
      // the server. Public reads take a product's published reviews in one of three orders.
      `create table fanshop_reviews (
         id text primary key,
         product_id text not null,
         variant_id text,
         order_id text not null,
         rating smallint not null check (rating between 1 and 5),
         text text,
         name text,
         language text not null,
         status text not null check (status in ('published', 'pending', 'hidden')),
         created_at timestamptz not null,
         updated_at timestamptz not null,
         unique (order_id, product_id))`,
      `create index fanshop_reviews_by_product on fanshop_reviews (product_id, created_at desc, id desc) where status = 'published'`,
      `create index fanshop_reviews_by_time on fanshop_reviews (created_at desc, id desc)`,
    ],
  },
  {
    version: 3,
    name: 'wishes and the products of each order',
    statements: [
      // "I want this" (wishes/store.ts): one per product, variant ('' for the product as a
      // whole, so the unique key holds without nulls) and email.
      `create table fanshop_wishes (
         id text primary key,
         product_id text not null,
         variant_id text not null default '',
         email text not null,
         language text not null,
         created_at timestamptz not null,
         notified_at timestamptz,
         unique (product_id, variant_id, email))`,
      `create index fanshop_wishes_pending on fanshop_wishes (product_id, variant_id) where notified_at is null`,
      // Each paid order's products, once each, for "Often bought together": written with the
      // order (stores.ts), and here from the orders already kept.
      `create table fanshop_order_products (
         order_id text not null references fanshop_orders (id),
         product_id text not null,
         primary key (order_id, product_id))`,
      `create index fanshop_order_products_by_product on fanshop_order_products (product_id, order_id)`,
      `insert into fanshop_order_products (order_id, product_id)
         select distinct o.id, line->>'productId' from fanshop_orders o, jsonb_array_elements(o.body->'lines') line
         where jsonb_typeof(line->'productId') = 'string'
         on conflict do nothing`,
    ],
  },
  {
    version: 4,
    name: 'the widget\'s events',
    statements: [
      // What fans do (events/store.ts): one row per product an event names, or one without a
      // product (a search). Read by period only, so the time is the index.
      `create table fanshop_events (
         id bigint generated always as identity primary key,
         at timestamptz not null,
         type text not null,
         product_id text,
         query text,
         results integer,
         shopper text not null)`,
      `create index fanshop_events_by_time on fanshop_events (at)`,
    ],
  },
];

/**
 * A number of our own for the advisory lock that makes migrations (and the one-time import)
 * safe when two processes start at once on one database: the second waits, then finds the work
 * done.
 */
export const MIGRATION_LOCK = 7_466_001;

/** Applies the steps the database lacks; returns the versions applied now. */
export async function migrate(sql: Sql): Promise<number[]> {
  return sql.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`create table if not exists fanshop_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now())`);
    const done = new Set((await tx.query<{ version: number }>('select version from fanshop_migrations')).map((r) => r.version));
    const newest = Math.max(0, ...done);
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (newest > latest) throw new Error(`[fanshop] the database has schema version ${newest}, newer than this Fanshop knows (${latest}); run the newer version`);
    const applied: number[] = [];
    for (const step of MIGRATIONS) {
      if (done.has(step.version)) continue;
      for (const statement of step.statements) await tx.query(statement);
      await tx.query('insert into fanshop_migrations (version, name) values ($1, $2)', [step.version, step.name]);
      applied.push(step.version);
    }
    return applied;
  });
}
