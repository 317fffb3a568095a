// @ts-check
/**
 * Which Chromium the browser tests run in: the system's (Debian's `chromium` package, which
 * machines without internet install from their package mirror), else Playwright's own download.
 * playwright.config.ts and scripts/check-browser.mjs both ask here, so they agree.
 *
 * FANSHOP_CHROMIUM_PATHS (colon-separated) replaces the list of system paths looked at, for a
 * browser installed elsewhere, and for the tests of check-browser.mjs.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

/** @param {string} path */
function runnable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The system's Chromium, or undefined. */
export function systemChromium() {
  const paths = process.env.FANSHOP_CHROMIUM_PATHS !== undefined ? process.env.FANSHOP_CHROMIUM_PATHS.split(':').filter(Boolean) : SYSTEM_PATHS;
  return paths.find(runnable);
}

/** Playwright's own Chromium when it has been downloaded (`npx playwright install chromium`), or undefined. */
export function playwrightChromium() {
  const path = chromium.executablePath();
  return existsSync(path) ? path : undefined;
}
