import { open, readFile, unlink } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
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
  const unlock = settings.DATABASE_URL ? undefined : await lockDataDir(settings.FANSHOP_DATA_DIR);
  let sql;
  try {
    sql = settings.DATABASE_URL ? await postgresSql(settings.DATABASE_URL) : await pgliteSql(join(settings.FANSHOP_DATA_DIR, 'pglite'));
  } catch (error) {
    await unlock?.();
    throw error;
  }
  try {
    const applied = await migrate(sql);
    if (applied.length) console.log(`[fanshop] ${sql.describe}: schema ${applied.join(', ')} applied`);
    await importLegacyFiles(sql, settings.FANSHOP_DATA_DIR);
  } catch (error) {
    await sql.close().catch(() => {});
    await unlock?.();
    throw error;
  }
  const stores = postgresStores(sql);
  return {
    ...stores,
    async close() {
      await stores.close();
      await unlock?.();
    },
  };
}

/**
 * PGlite is Postgres for one process: a second process opening the same directory would
 * corrupt it. `<dir>/pglite.lock` holds the pid of the process using it; a lock whose process
 * is gone (a crash, kill -9) is taken over. Answers how to let go of it.
 */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      return () => unlink(path).catch(() => {});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(path, 'utf8').catch(() => ''));
      if (holder && holder !== process.pid && alive(holder)) {
        throw new Error(
          `[fanshop] another Fanshop process (pid ${holder}) uses ${dir}: the embedded database is for one process. Stop it, give this one its own FANSHOP_DATA_DIR, or run both on one Postgres server with DATABASE_URL`,
          { cause: error },
        );
      }
      if (holder === process.pid) throw new Error(`[fanshop] ${dir} is open already in this process`, { cause: error });
      await unlink(path).catch(() => {});
    }
  }
  throw new Error(`[fanshop] cannot lock ${dir}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
