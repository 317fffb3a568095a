// @ts-check
/**
 * The first step of `npm test`: make sure the Playwright journeys have a Chromium to run in, so
 * a fresh machine either passes or stops at once with one line saying what to install, instead
 * of failing every browser test with "Executable doesn't exist".
 *
 * 1. the system's Chromium (scripts/chromium.mjs), or Playwright's own if it was downloaded;
 * 2. else Playwright's download (`playwright install chromium`), when the network allows;
 * 3. else exit 1 with the one line.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { playwrightChromium, systemChromium } from './chromium.mjs';

const found = systemChromium() ?? playwrightChromium();
if (found) {
  console.log(`[fanshop] browser tests run in ${found}`);
} else {
  console.log('[fanshop] no Chromium found; downloading Playwright’s (npx playwright install chromium)…');
  // The package's own command (its `bin`), run with this Node: npx may not be on the PATH.
  const cli = join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'cli.js');
  const install = spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 10 * 60_000 });
  const installed = install.status === 0 ? playwrightChromium() : undefined;
  if (installed) {
    console.log(`[fanshop] browser tests run in ${installed}`);
  } else {
    console.error(
      '[fanshop] no Chromium for the browser tests, and Playwright’s could not be downloaded: install one (Debian/Ubuntu: sudo apt-get install chromium; elsewhere, with internet: npx playwright install chromium) and run npm test again',
    );
    process.exit(1);
  }
}
