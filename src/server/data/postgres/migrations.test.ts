import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from './migrations';
import { pgliteSql, type Sql } from './sql';
import { postgresStores } from './stores';

/**
 * Step 3 on a database that already has orders: "Often bought together" counts the orders paid
 * before the upgrade too (their products are copied into fanshop_order_products).
 */
let sql: Sql;
beforeAll(async () => {
  sql = await pgliteSql();
  // The schema as a shop had it before step 3.
  await sql.query('create table fanshop_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
  for (const step of MIGRATIONS.filter((m) => m.version < 3)) {
    for (const statement of step.statements) await sql.query(statement);
    await sql.query('insert into fanshop_migrations (version, name) values ($1, $2)', [step.version, step.name]);
  }
}, 60_000);
afterAll(async () => sql?.close());

describe('migration 3', () => {
  it('copies the products of the orders kept before it, each once, and leaves lines without a product out', async () => {
    const order = (id: string, lines: unknown[]) => sql.query('insert into fanshop_orders (id, created_at, body) values ($1, now(), $2)', [id, JSON.stringify({ id, lines })]);
    await order('cs_old_1', [{ productId: 'tee' }, { productId: 'cap' }, { productId: 'cap' }, { productId: null }]);
    await order('cs_old_2', [{ productId: 'tee' }, { productId: 'cap' }, { title: 'an old line without ids' }]);
    await order('cs_old_3', [{ productId: 'tee' }, { productId: 'mug' }]);
    // Step 3 and every step after it (4: the widget's events).
    expect(await migrate(sql)).toEqual(MIGRATIONS.filter((m) => m.version >= 3).map((m) => m.version));
    const stores = postgresStores(sql);
    expect(await stores.recommendations.boughtTogether('tee', 4)).toEqual([
      { productId: 'cap', count: 2 },
      { productId: 'mug', count: 1 },
    ]);
    expect(await migrate(sql)).toEqual([]);
  });
});
