import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app';

/** `npm start`: the demo shop on http://localhost:8787 (PORT overrides). */
const clientDir = fileURLToPath(new URL('../client/', import.meta.url));
const catalogFile = process.env.FANSHOP_CATALOG ?? `${clientDir}catalog.json`;
const port = Number(process.env.PORT ?? 8787);

const app = createApp({ catalog: { read: () => readFile(catalogFile, 'utf8') } });
app.use(
  '*',
  serveStatic({
    root: clientDir,
    onFound: (path, c) => {
      // The widget files keep their names across releases (merchants paste them), so revalidate.
      c.header('Cache-Control', /\.(svg|png|jpe?g|webp)$/.test(path) ? 'public, max-age=86400' : 'no-cache');
      if (path.endsWith('.js') || path.endsWith('.mjs')) c.header('Access-Control-Allow-Origin', '*');
    },
  }),
);
app.notFound((c) => c.text('Not found', 404));

serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) => {
  console.log(`[fanshop] demo shop on http://localhost:${info.port}  (/ inline, /shop full page, /frame 520px iframe)`);
});
