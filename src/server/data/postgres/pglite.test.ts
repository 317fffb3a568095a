import { storeConformance } from '../conformance';
import { migrate } from './migrations';
import { pgliteSql } from './sql';
import { postgresStores } from './stores';

storeConformance('PGlite', async () => {
  const sql = await pgliteSql();
  await migrate(sql);
  return postgresStores(sql);
});
