// @ts-check
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm test`'s first step, run as a fresh machine would meet it. */
const script = new URL('./check-browser.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'fanshop-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** @param {Record<string, string>} env */
const run = (env) => spawnSync(process.execPath, [script], { env: { PATH: process.env.PATH, HOME: dir, ...env }, encoding: 'utf8', timeout: 60_000 });

describe('check-browser', () => {
  it('names the system’s Chromium when there is one', () => {
    const fake = join(dir, 'chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    const result = run({ FANSHOP_CHROMIUM_PATHS: fake, PLAYWRIGHT_BROWSERS_PATH: join(dir, 'none') });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`browser tests run in ${fake}`);
  }, 30_000);

  it('without any browser and without network, stops at once with one line that says what to install', () => {
    const started = Date.now();
    // No system browser, no Playwright browser, and a proxy that refuses every connection.
    const result = run({ FANSHOP_CHROMIUM_PATHS: '', PLAYWRIGHT_BROWSERS_PATH: join(dir, 'none'), HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[fanshop\] no Chromium .*apt-get install chromium.*npx playwright install chromium/);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
