import type { DataStores } from '../stores';
import { migrate } from './migrations';
import { pgliteSql } from './sql';
import { postgresStores } from './stores';

export interface InMemoryData extends DataStores {
  /** Empties every table, for a test that counts from nothing. */
  empty(): Promise<void>;
}

/**
 * The real engine with nothing on disk: PGlite in memory, migrated. For tests, which get the
 * same SQL the shop runs instead of a stand-in. Opening one takes a second or two (PGlite
 * starts a whole Postgres), so a test file opens one and shares it.
 */
export async function inMemoryData(): Promise<InMemoryData> {
  const sql = await pgliteSql();
  await migrate(sql);
  return {
    ...postgresStores(sql),
    async empty() {
      const tables = await sql.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' and tablename like 'fanshop\\_%' and tablename <> 'fanshop_migrations'");
      await sql.query(`truncate ${tables.map((t) => t.name).join(', ')}`);
    },
  };
}
