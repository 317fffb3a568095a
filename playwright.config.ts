import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Shopper journeys in real Chromium against the built bundle and the running server
 * (`npm run build` first; `npm test` does). Debian's /usr/bin/chromium is used when present
 * (machines without internet cannot download Playwright's browser); elsewhere Playwright's own.
 */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const port = Number(process.env.E2E_PORT ?? 8790);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    },
  },
  webServer: [
    {
      command: 'node dist/server/node.mjs',
      env: { PORT: String(port), HOST: '127.0.0.1', FB_APP_SECRET: 'e2e-app-secret' },
      url: `http://localhost:${port}/catalog.json`,
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
    },
    {
      // The same server configured for Stripe's embedded checkout (e2e/embedded-checkout.spec.ts).
      command: 'node dist/server/node.mjs',
      env: { PORT: String(port + 1), HOST: '127.0.0.1', FANSHOP_CHECKOUT_UI: 'embedded', FANSHOP_DATA_DIR: 'test-results/data-embedded' },
      url: `http://localhost:${port + 1}/catalog.json`,
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
    },
  ],
});
