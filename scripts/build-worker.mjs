// @ts-check
/**
 * Builds dist/worker/worker.mjs: src/server/worker.ts and everything it imports in one ES
 * module, as Cloudflare's workerd runs it. The tests load this file into workerd through
 * miniflare (src/server/worker.test.ts); `npx wrangler deploy` bundles src/server/worker.ts
 * itself and does not need it.
 *
 * Package exports resolve with the `workerd`/`worker` conditions, so `stripe` is its fetch and
 * Web Crypto build and nothing from Node's built-ins gets in. Run by scripts/build.mjs, or alone:
 * `node scripts/build-worker.mjs`.
 */
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { serverDefines, widgetBase } from './widget-base.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const conditions = ['workerd', 'worker', 'browser', 'import', 'default'];

/**
 * @param {string} [outDir] where worker.mjs goes (the tests build into a folder of their own)
 * @param {string} [entry] the Worker's entry: a merchant's own with hooks in the tests
 *   (src/server/testing/worker-with-hooks.ts)
 */
export async function buildWorker(outDir = 'dist/worker', entry = 'src/server/worker.ts') {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    // The widget's first view, rendered by the server (src/widget/ssr.tsx): its JSX settings.
    oxc: widgetBase.oxc,
    plugins: widgetBase.plugins,
    define: { ...widgetBase.define, ...serverDefines() },
    resolve: { conditions },
    ssr: { target: 'webworker', noExternal: true, resolve: { conditions, externalConditions: conditions } },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      rollupOptions: {
        platform: 'neutral',
        // The runtime's own module (the Durable Object base class): workerd provides it.
        external: ['cloudflare:workers'],
        output: { format: 'es', entryFileNames: 'worker.mjs', codeSplitting: false },
      },
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildWorker();
  console.log('[fanshop] built dist/worker/worker.mjs');
}
