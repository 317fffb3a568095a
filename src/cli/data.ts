import { openNodeData } from '../server/data/node';
import type { DataStores } from '../server/data/stores';
import type { CliIo } from './commands';

/**
 * The shop's database as the server opens it: the Postgres server of DATABASE_URL, or the
 * embedded one in FANSHOP_DATA_DIR (default `.data`), which only one process may open at a time,
 * so the shop's server must be stopped first there. Undefined, after saying why, when it cannot
 * be opened.
 */
export async function openCliData(io: CliIo): Promise<DataStores | undefined> {
  const env = io.env ?? {};
  try {
    return await openNodeData({ DATABASE_URL: env.DATABASE_URL || undefined, FANSHOP_DATA_DIR: env.FANSHOP_DATA_DIR || '.data' });
  } catch (error) {
    io.stderr(`✖ ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}
