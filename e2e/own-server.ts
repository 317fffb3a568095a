import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedCatalog } from '../scripts/big-catalog.mjs';
import { expect, test } from './fixtures';
import { specPort } from './ports';

/**
 * A server of the spec's own, on an empty database, with `catalogText` as its catalog, on
 * its own port (e2e/ports.ts): started before the spec's tests, stopped after. `env`: settings
 * of the spec's own (the studio's password).
 */
export function ownServer(offset: number, catalogText: string, env: Readonly<Record<string, string>> = {}) {
  const port = specPort(offset);
  const origin = `http://localhost:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'fanshop-own-server-'));
  const dataDir = join(dir, 'data');
  let server: ChildProcess | undefined;
  const start = async () => {
    server = spawn(process.execPath, ['dist/server/node.mjs'], {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', FANSHOP_CATALOG: join(dir, 'catalog.json'), FANSHOP_DATA_DIR: dataDir },
      stdio: 'ignore',
    });
    await expect.poll(async () => (await fetch(`${origin}/catalog.json`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
  };
  const stop = async () => {
    const stopping = server;
    server = undefined;
    if (!stopping || stopping.exitCode !== null) return;
    await new Promise((resolve) => {
      stopping.once('exit', resolve);
      stopping.kill();
    });
  };
  test.beforeAll(async () => {
    // A server starts in a second or two; on two cores busy with other workers' browsers and
    // servers, its database and catalog took up to 40 s: the hook waits that long, not a test.
    test.setTimeout(90_000);
    // Again if a worker comes back to this spec after its afterAll (fully parallel runs hand a
    // spec's tests to whichever worker is free): the directory was removed then.
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'catalog.json'), catalogText);
    await start();
  });
  test.afterAll(async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  });
  /**
   * Runs `work` with the server stopped, as the merchant runs the CLI on an embedded database
   * (FANSHOP_DATA_DIR, which one process opens at a time), then starts it again on the same data.
   */
  const whileStopped = async <T>(work: (dataDir: string) => Promise<T> | T): Promise<T> => {
    await stop();
    try {
      return await work(dataDir);
    } finally {
      await start();
    }
  };
  return { origin, whileStopped, catalogPath: join(dir, 'catalog.json') };
}

/** A merchant's real size, 2,000 products (scripts/big-catalog.mjs), on a server of the spec's own. */
export function bigCatalogServer(offset: number) {
  const big = generatedCatalog(readFileSync('public/catalog.json', 'utf8'), 2000);
  return { ...ownServer(offset, big.text), big };
}
