/**
 * The Durable Object's schema (SQLite), as numbered steps, the same tables as the Postgres
 * engine's (data/postgres/migrations.ts) in SQLite's terms: times are milliseconds since the
 * epoch where they are compared or sorted, booleans are 0 or 1. A step is never edited once
 * released: a change is a new step. fanshop-data.ts applies the missing ones when the object
 * starts.
 */
export const MIGRATIONS: readonly { readonly version: number; readonly name: string; readonly statements: readonly string[] }[] = [
  {
    version: 1,
    name: 'likes, orders, webhook events, stock and reservations',
    statements: [
      `create table fanshop_likes (
         product_id text not null,
         shopper text not null,
         created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ')),
         primary key (product_id, shopper)) without rowid`,
      `create index fanshop_likes_by_shopper on fanshop_likes (shopper)`,
      // The whole order as the webhook made it (JSON); the columns are what is sorted by.
      `create table fanshop_orders (
         id text primary key,
         created_at integer not null,
         oversold integer not null default 0,
         body text not null)`,
      `create index fanshop_orders_by_time on fanshop_orders (created_at, id)`,
      `create table fanshop_webhook_events (
         id text primary key,
         processed_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ')))`,
      // One row per tracked item: the catalog's stock when it was last set (baseline) and the
      // units sold since.
      `create table fanshop_stock (
         item text primary key,
         baseline integer not null,
         sold integer not null default 0,
         set_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ')))`,
      `create table fanshop_reservations (
         id text primary key,
         key text not null,
         generation integer not null,
         state text not null check (state in ('held', 'released', 'sold')),
         expires_at integer not null,
         created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ')),
         oversold integer not null default 0,
         unique (key, generation))`,
      `create table fanshop_reservation_lines (
         reservation_id text not null references fanshop_reservations (id),
         item text not null,
         quantity integer not null check (quantity > 0),
         primary key (reservation_id, item))`,
      `create index fanshop_reservation_lines_by_item on fanshop_reservation_lines (item)`,
      `create index fanshop_reservations_held on fanshop_reservations (expires_at) where state = 'held'`,
    ],
  },
  {
    version: 2,
    name: 'reviews',
    statements: [
      `create table fanshop_reviews (
         id text primary key,
         product_id text not null,
         variant_id text,
         order_id text not null,
         rating integer not null check (rating between 1 and 5),
         text text,
         name text,
         language text not null,
         status text not null check (status in ('published', 'pending', 'hidden')),
         created_at integer not null,
         updated_at integer not null,
         unique (order_id, product_id))`,
      `create index fanshop_reviews_by_product on fanshop_reviews (product_id, created_at desc, id desc) where status = 'published'`,
      `create index fanshop_reviews_by_time on fanshop_reviews (created_at desc, id desc)`,
    ],
  },
  {
    version: 3,
    name: 'wishes and the products of each order',
    statements: [
      `create table fanshop_wishes (
         id text primary key,
         product_id text not null,
         variant_id text not null default '',
         email text not null,
         language text not null,
         created_at integer not null,
         notified_at integer,
         unique (product_id, variant_id, email))`,
      `create index fanshop_wishes_pending on fanshop_wishes (product_id, variant_id) where notified_at is null`,
      `create table fanshop_order_products (
         order_id text not null references fanshop_orders (id),
         product_id text not null,
         primary key (order_id, product_id)) without rowid`,
      `create index fanshop_order_products_by_product on fanshop_order_products (product_id, order_id)`,
      `insert into fanshop_order_products (order_id, product_id)
         select distinct o.id, json_extract(line.value, '$.productId') from fanshop_orders o, json_each(o.body, '$.lines') line
         where json_type(line.value, '$.productId') = 'text'
         on conflict do nothing`,
    ],
  },
  {
    version: 4,
    name: 'the widget\'s events',
    statements: [
      `create table fanshop_events (
         id integer primary key,
         at integer not null,
         type text not null,
         product_id text,
         query text,
         results integer,
         shopper text not null)`,
      `create index fanshop_events_by_time on fanshop_events (at)`,
    ],
  },
];
