import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startNodeServer, type NodeServer } from './node-server';
import { SettingsError } from './settings/schema';

/**
 * The Node server as `npm start` runs it: in this process on a free port, and the built
 * dist/server/node.mjs as a child process for how it refuses to start.
 */
const root = new URL('../../', import.meta.url).pathname;
const clientDir = join(root, 'public');
const dataDir = mkdtempSync(join(tmpdir(), 'fanshop-node-'));
const started: NodeServer[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
  rmSync(dataDir, { recursive: true, force: true });
});
const start = async (env: Record<string, string>) => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  const server = await startNodeServer({ PORT: '0', HOST: '127.0.0.1', FANSHOP_DATA_DIR: dataDir, ...env }, { clientDir });
  started.push(server);
  return server;
};

describe('the Node server', () => {
  it('refuses to start in production without STRIPE_SECRET_KEY, naming it', async () => {
    await expect(start({ NODE_ENV: 'production' })).rejects.toThrow(SettingsError);
    await expect(start({ NODE_ENV: 'production' })).rejects.toThrow(/STRIPE_SECRET_KEY/);
  });

  it('refuses to start with a bad setting, naming each', async () => {
    await expect(start({ FANSHOP_MAX_LINES: '0', FANSHOP_PROMOTION_CODES: 'maybe' })).rejects.toThrow(/FANSHOP_PROMOTION_CODES="maybe"[^]*FANSHOP_MAX_LINES="0"/);
  });

  it('without a key, runs the local test-mode Stripe: its pay pages on the shop’s origin, its API not there', async () => {
    const server = await start({});
    expect(server.localStripe).toBe(true);
    expect((await fetch(`${server.url}/_stripe/c/pay.css`)).status).toBe(200);
    expect((await fetch(`${server.url}/_stripe/v1/checkout/sessions`, { method: 'POST', headers: { Authorization: 'Bearer sk_test_local' } })).status).toBe(404);
    const checkout = await fetch(`${server.url}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ lines: [{ productId: 'bircher-muesli-mix', quantity: 1 }], returnUrl: `${server.url}/shop` }),
    });
    expect(checkout.status).toBe(200);
    const { url } = (await checkout.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${server.url}/_stripe/c/pay/cs_test_`));
    expect((await fetch(url)).status).toBe(200);
  });

  it('with a key, has no test-mode Stripe at all', async () => {
    const server = await start({ STRIPE_SECRET_KEY: 'sk_test_not_used_here' });
    expect(server.localStripe).toBe(false);
    expect((await fetch(`${server.url}/_stripe/c/pay.css`)).status).toBe(404);
  });
});

describe('dist/server/node.mjs', () => {
  const entry = join(root, 'dist/server/node.mjs');

  it('exits 1 with NODE_ENV=production and no key, with a message naming STRIPE_SECRET_KEY', () => {
    expect(existsSync(entry), 'run npm run build first').toBe(true);
    const run = spawnSync(process.execPath, [entry], { env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0' }, encoding: 'utf8', timeout: 10_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('STRIPE_SECRET_KEY');
    expect(run.stdout).not.toContain('demo shop on');
  });

  it('loads the test-mode Stripe only by a dynamic import, so production never runs its code', () => {
    const code = readFileSync(entry, 'utf8');
    const mentions = code.match(/.*attach.*/g) ?? [];
    expect(mentions.length).toBeGreaterThan(0);
    for (const line of mentions) expect(line).toMatch(/import\(/);
  });
});
