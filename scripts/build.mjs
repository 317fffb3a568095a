// @ts-check
/**
 * Builds everything `npm start` serves, in dist/:
 *   client/fanshop.js        the script-tag loader (IIFE: a classic script, safe to load twice)
 *   client/fanshop.mjs       the widget as an ES module exporting `mount`, which the loader
 *                            imports; fanshop-*.mjs are its chunks loaded on demand
 *   client/fanshop-frame.js  the host loader for the iframe embed
 *   client/fanshop-element.js  the <fanshop-shop> custom element (an ES module that imports
 *                            fanshop.mjs from beside itself; no first view of the others grows)
 *   client/fanshop-first-view-*.css  the stylesheet server-rendered first views link
 *                            (src/widget/ui/first-view.css; its name goes into the server)
 *   client/studio-app/       the merchant's studio (/studio): studio.mjs, its lazily loaded
 *                            sections (fanshop-studio-*.mjs) and studio.css; a bundle of its
 *                            own, which no shop page loads
 *   client/*                 public/ (demo catalog and images)
 *   server/node.mjs          the Node server; server/fanshop-cli.mjs the CLI;
 *                            server/catalog.mjs the catalog core (for scripts);
 *                            server/stripe-local.mjs the local test-mode Stripe
 *                            (tools/stripe-local) in a process of its own, for the bench
 */
import { build } from 'vite';
import { serverDefines, widgetBase } from './widget-base.mjs';

const outDir = 'dist/client';
const quiet = /** @type {const} */ ('warn');

/** A classic script (IIFE): no imports, no globals but what it sets itself. */
async function classicScript(/** @type {string} */ entry, /** @type {string} */ fileName, /** @type {boolean} */ first) {
  await build({
    ...widgetBase,
    configFile: false,
    logLevel: quiet,
    publicDir: first ? 'public' : false,
    build: {
      ...widgetBase.build,
      outDir,
      emptyOutDir: first,
      copyPublicDir: first,
      lib: { entry, formats: ['iife'], fileName: () => fileName, name: 'FanshopBundle' },
    },
  });
}

/**
 * The widget as ES modules: the entry and the chunks it imports on demand. Lib mode, because an
 * app build wraps dynamic imports in Vite's preload helper (1.3 KB, and root-relative chunk URLs
 * that break cross-origin embedding); lib mode keeps plain relative `import()`.
 */
async function esModule(/** @type {string} */ entry, /** @type {string} */ fileName, chunkFileNames = 'fanshop-[name]-[hash].mjs') {
  await build({
    ...widgetBase,
    configFile: false,
    logLevel: quiet,
    publicDir: false,
    build: {
      ...widgetBase.build,
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      lib: { entry, formats: ['es'], fileName: () => fileName },
      rollupOptions: {
        preserveEntrySignatures: 'allow-extension',
        // Lib mode leaves ES output's whitespace for downstream bundlers; ours goes to browsers.
        output: {
          chunkFileNames,
          minify: !process.env.FANSHOP_NOMINIFY,
          comments: false,
        },
      },
    },
  });
}

/**
 * The widget's styles as a file, for the first view the server renders into a declarative
 * shadow root (src/server/pages/first-view.ts): the same CSS, minified for the same browsers,
 * that the widget adopts as constructed stylesheets, named by a hash of its content.
 */
async function firstViewStylesheet() {
  await build({
    ...widgetBase,
    configFile: false,
    logLevel: quiet,
    publicDir: false,
    build: {
      ...widgetBase.build,
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      rollupOptions: { input: { 'first-view': 'src/widget/ui/first-view.css' }, output: { assetFileNames: 'fanshop-[name]-[hash][extname]' } },
    },
  });
}

/**
 * The studio (src/studio): an ES module with a chunk per section, and its stylesheet, under
 * studio-app/ (outside /studio, which only a session opens, so the login form can load it).
 */
async function studioBundle() {
  await esModule('src/studio/main.tsx', 'studio-app/studio.mjs', 'studio-app/fanshop-studio-[name]-[hash].mjs');
  await build({
    ...widgetBase,
    configFile: false,
    logLevel: quiet,
    publicDir: false,
    build: { ...widgetBase.build, outDir, emptyOutDir: false, copyPublicDir: false, rollupOptions: { input: { studio: 'src/studio/studio.css' }, output: { assetFileNames: 'studio-app/[name][extname]' } } },
  });
}

await classicScript('src/widget/embed.ts', 'fanshop.js', true);
await classicScript('src/widget/frame-host.ts', 'fanshop-frame.js', false);
await esModule('src/widget/index.ts', 'fanshop.mjs');
await esModule('src/widget/element.ts', 'fanshop-element.js');
await firstViewStylesheet();
await studioBundle();

await build({
  configFile: false,
  logLevel: quiet,
  publicDir: false,
  // The server renders the widget's first view (src/widget/ssr.tsx): the widget's JSX settings.
  oxc: widgetBase.oxc,
  plugins: widgetBase.plugins,
  define: { ...widgetBase.define, ...serverDefines() },
  build: {
    ssr: true,
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: { node: 'src/server/node.ts', 'fanshop-cli': 'src/cli/fanshop.ts', catalog: 'src/core/catalog/index.ts', 'stripe-local': 'tools/stripe-local/node.ts' },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
});
console.log('[fanshop] built dist/client and dist/server');
await (await import('./build-worker.mjs')).buildWorker(); // dist/worker/worker.mjs: the Cloudflare Worker in one module, for its tests in workerd
