import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Set by the build (scripts/widget-base.mjs `serverDefines`); tests of the server's pages see a
// stand-in for the built first view's stylesheet, and the pages' own stylesheets from public/.
const inlineStyles: Record<string, string> = {
  '/fanshop-first-view-test.css': ':host { display: block; }\n',
  '/demo/shop-page.css': readFileSync('public/demo/shop-page.css', 'utf8'),
  '/product-page.css': readFileSync('public/product-page.css', 'utf8'),
};
const hashes = Object.values(inlineStyles).map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: {
    __FANSHOP_FIRST_VIEW_CSS__: JSON.stringify('/fanshop-first-view-test.css'),
    __FANSHOP_INLINE_STYLES__: JSON.stringify(inlineStyles),
    __FANSHOP_INLINE_STYLE_HASHES__: JSON.stringify(hashes),
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tools/**/*.test.ts', 'scripts/**/*.test.{ts,mjs}'],
    environment: 'node',
    // Hooks start real parts: a PGlite database (WASM), workerd, a Postgres server. On two busy
    // cores that takes longer than Vitest's 10 s default, which is about time, not about them.
    hookTimeout: 30_000,
  },
});
