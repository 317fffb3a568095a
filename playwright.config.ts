import { defineConfig, devices } from '@playwright/test';
import { systemChromium as findSystemChromium } from './scripts/chromium.mjs';

/**
 * Shopper journeys in real Chromium against the built bundle and the running server
 * (`npm run build` first; `npm test` does). The system's Chromium (Debian's /usr/bin/chromium)
 * is used when present, since machines without internet cannot download Playwright's browser;
 * elsewhere Playwright's own. `npm test` checks first that one of them is there
 * (scripts/check-browser.mjs). No retries: a journey that passes only sometimes is a race in
 * the shop, to be found and fixed there.
 */
const systemChromium = findSystemChromium();
const port = Number(process.env.E2E_PORT ?? 8790);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  projects: [
    // Among them static-site.spec.ts, a 10,000-product site of `fanshop build` on a plain file
    // server of its own (e2e/ports.ts), with no Fanshop server.
    { name: 'journeys', testIgnore: /checkout-return\.spec\.ts|-phone\.spec\.ts/ },
    // The slow-phone journeys (the CPU throttled 6x) run after the others and one at a time: a
    // phone is slow on its own, and a second browser busy on the same two cores would be a
    // slowness no shopper's phone has.
    { name: 'slow phone', testMatch: /checkout-return\.spec\.ts|-phone\.spec\.ts/, dependencies: ['journeys'], fullyParallel: false },
  ],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    },
  },
  // Each run starts from an empty database (a new PGlite in test-results/), so the demo
  // catalog's stock is whole again: the journeys hold and sell units as shoppers do.
  webServer: [
    {
      command: `rm -rf test-results/data-${port} && node dist/server/node.mjs`,
      env: { PORT: String(port), HOST: '127.0.0.1', FB_APP_SECRET: 'e2e-app-secret', FANSHOP_DATA_DIR: `test-results/data-${port}` },
      url: `http://localhost:${port}/catalog.json`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The same server configured for Stripe's embedded checkout (e2e/embedded-checkout.spec.ts).
      command: `rm -rf test-results/data-${port + 1} && node dist/server/node.mjs`,
      env: { PORT: String(port + 1), HOST: '127.0.0.1', FANSHOP_CHECKOUT_UI: 'embedded', FANSHOP_DATA_DIR: `test-results/data-${port + 1}` },
      url: `http://localhost:${port + 1}/catalog.json`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
