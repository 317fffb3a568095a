import { Hono } from 'hono';
import { securityHeaders, strictCsp } from './security';
import { demoMerchantPage, framedShopPage, hostilePage, standaloneShopPage } from './pages/demo';
import { catalogRoute } from './catalog-route';
import { catalogLoader, type CatalogSource } from './catalog-source';

export interface AppOptions {
  /** Where the catalog JSON comes from (a file on Node, a bundled asset on Workers). */
  catalog: CatalogSource;
}

/**
 * The Fanshop server as a standard fetch handler: routes only, each route's logic in its own
 * file. Runtime entries (node.ts, later worker.ts) add static assets and start it.
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);

  const html = (body: string, framable = false) =>
    new Response(body, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': strictCsp({ framable }),
        'Cache-Control': 'no-cache',
      },
    });

  app.get('/', () => html(demoMerchantPage()));
  app.get('/shop', (c) => html(standaloneShopPage({ locale: c.req.query('locale') }), true));
  app.get('/frame', () => html(framedShopPage()));
  app.get('/demo/hostile', () => html(hostilePage()));
  app.get('/catalog.json', catalogRoute(catalogLoader(options.catalog)));
  return app;
}
