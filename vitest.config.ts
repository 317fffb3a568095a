import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Set by the build (scripts/widget-base.mjs); tests of the server's pages see a stand-in.
  define: { __FANSHOP_FIRST_VIEW_CSS__: JSON.stringify('/fanshop-first-view-test.css') },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tools/**/*.test.ts', 'scripts/**/*.test.{ts,mjs}'],
    environment: 'node',
    // Hooks start real parts: a PGlite database (WASM), workerd, a Postgres server. On two busy
    // cores that takes longer than Vitest's 10 s default, which is about time, not about them.
    hookTimeout: 30_000,
  },
});
