import { join } from 'node:path';
import type { Settings } from '../settings/schema';
import { importLegacyFiles } from './legacy/import';
import { migrate } from './postgres/migrations';
import { pgliteSql, postgresSql } from './postgres/sql';
import { postgresStores } from './postgres/stores';
import type { DataStores } from './stores';

/**
 * The Node server's data: a Postgres server when DATABASE_URL is set, else PGlite in
 * `FANSHOP_DATA_DIR/pglite` (nothing to install). Migrations run first; then an older data
 * directory's `likes.log` and `orders/` are imported, once.
 */
export async function openNodeData(settings: Pick<Settings, 'DATABASE_URL' | 'FANSHOP_DATA_DIR'>): Promise<DataStores> {
  const sql = settings.DATABASE_URL ? await postgresSql(settings.DATABASE_URL) : await pgliteSql(join(settings.FANSHOP_DATA_DIR, 'pglite'));
  try {
    const applied = await migrate(sql);
    if (applied.length) console.log(`[fanshop] ${sql.describe}: schema ${applied.join(', ')} applied`);
    await importLegacyFiles(sql, settings.FANSHOP_DATA_DIR);
  } catch (error) {
    await sql.close().catch(() => {});
    throw error;
  }
  return postgresStores(sql);
}
