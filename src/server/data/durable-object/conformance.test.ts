import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { buildWorker } from '../../../../scripts/build-worker.mjs';
import { storeConformance } from '../conformance';
import { durableObjectStores, type FanshopDataNamespace } from './stores';

/**
 * The Durable Object as Cloudflare runs it: the Worker's bundle (scripts/build-worker.mjs, which
 * exports FanshopData) in workerd through miniflare, with SQLite storage in memory. The stores
 * are the Worker's own (stores.ts), here in Node over miniflare's proxy of the namespace binding,
 * whose stubs pass RPC calls into workerd.
 */
let outDir = '';
let mf: Miniflare | undefined;

storeConformance('Durable Object in workerd', async () => {
  outDir = mkdtempSync(join(tmpdir(), 'fanshop-do-'));
  await buildWorker(outDir);
  mf = new Miniflare({
    compatibilityDate: '2026-07-30',
    modules: true,
    scriptPath: join(outDir, 'worker.mjs'),
    modulesRoot: outDir,
    durableObjects: { FANSHOP_DATA: { className: 'FanshopData', useSQLite: true } },
  });
  // miniflare types the proxy with @cloudflare/workers-types' namespace; stores.ts names the part it uses.
  const namespace = (await mf.getDurableObjectNamespace('FANSHOP_DATA')) as unknown as FanshopDataNamespace;
  const stores = durableObjectStores(namespace);
  return {
    ...stores,
    async close() {
      try {
        await mf?.dispose();
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  };
});
