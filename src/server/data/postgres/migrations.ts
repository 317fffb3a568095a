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
      // One row per tracked item: the catalog's stock when it was last set (baseline) and the
      // units sold since.
      `create table fanshop_stock (
         item text primary key,
         baseline integer not null,
         sold integer not null default 0,
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
      `create table fanshop_reservation_lines (
         reservation_id text not null references fanshop_reservations (id),
         item text not null,
         quantity integer not null check (quantity > 0),
         primary key (reservation_id, item))`,
      `create index fanshop_reservation_lines_by_item on fanshop_reservation_lines (item)`,
      `create index fanshop_reservations_held on fanshop_reservations (expires_at) where state = 'held'`,
      // What was imported once from an older data directory (data/legacy/import.ts).
      `create table fanshop_imports (
         name text primary key,
         imported_at timestamptz not null default now(),
         summary jsonb not null)`,
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
