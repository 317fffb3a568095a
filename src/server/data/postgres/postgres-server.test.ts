import { afterAll } from 'vitest';
import { startPostgres } from '../../../../scripts/postgres-server.mjs';
import { storeConformance } from '../conformance';
import { migrate } from './migrations';
import { postgresSql } from './sql';
import { postgresStores } from './stores';

/**
 * The same cases on a real Postgres server (Debian's package, started here in a temporary
 * directory), through the `postgres` driver's pool: unlike PGlite, its transactions run at the
 * same time on several connections, so the row locks of stores.ts are what keeps stock exact.
 * FANSHOP_TEST_DATABASE_URL points it at a server of your own instead.
 */
let stop: (() => Promise<void>) | undefined;
afterAll(async () => stop?.());

storeConformance('Postgres server', async () => {
  let url = process.env.FANSHOP_TEST_DATABASE_URL;
  if (!url) {
    const server = await startPostgres();
    ({ url, stop } = server);
  }
  const sql = await postgresSql(url, { max: 20 });
  await migrate(sql);
  return postgresStores(sql);
});
