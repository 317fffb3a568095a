import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { createApp } from './app';
import { catalogFile } from './catalog/file';
import { clientAddress } from './http/client-address';
import { openNodeData } from './data/node';
import type { DataStores } from './data/stores';
import { appOptions, withHooks, type ShopHooks } from './settings/app-options';
import { configFromEnv, SettingsError, type EnvValue, type Settings } from './settings/schema';
import type { AttachedLocalStripe } from '../../tools/stripe-local/attach';
import { staticHeaders } from './http/static-headers';
import { catalogFileWriter } from './studio/catalog-file';
import { base64url } from './signing';

export interface NodeServer {
  readonly port: number;
  /** `http://localhost:<port>` */
  readonly url: string;
  /** The local test-mode Stripe runs (no STRIPE_SECRET_KEY). */
  readonly localStripe: boolean;
  close(): Promise<void>;
}

/**
 * The app's options on Node: the settings with a catalog file, the data stores (data/node.ts),
 * the socket's (or the trusted proxy's) client address, and this server's own origins as the
 * default allowed origins.
 */
export function nodeAppOptions(settings: Settings, runtime: { port: number; clientDir: string; data: DataStores; local?: AttachedLocalStripe | undefined }) {
  return appOptions(settings, {
    catalog: catalogFile(settings.FANSHOP_CATALOG ?? `${runtime.clientDir}/catalog.json`),
    ownOrigins: [`http://localhost:${runtime.port}`, `http://127.0.0.1:${runtime.port}`],
    clientAddress: (c: Context) => clientAddress(c.req.header('X-Forwarded-For'), (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress, settings.FANSHOP_TRUSTED_PROXIES),
    data: runtime.data,
    ...(runtime.local ? { localStripe: runtime.local } : {}),
    // Only the merchant's own file: the demo's is part of the build (dist/client).
    ...(settings.FANSHOP_CATALOG ? { catalogFile: catalogFileWriter(settings.FANSHOP_CATALOG) } : {}),
  });
}

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/**
 * The Node server (`npm start`): settings from `env` (settings/schema.ts), the catalog from a
 * file, likes, orders and stock in PGlite or DATABASE_URL's Postgres, the files of `clientDir` (dist/client). Without
 * STRIPE_SECRET_KEY, and outside production, checkout goes to the local test-mode Stripe
 * (tools/stripe-local), which is loaded only then. `hooks` are the merchant's `onOrder` and
 * `onRestock` (settings/app-options.ts), for a server started from the merchant's own script.
 * Throws a SettingsError, naming each variable to fix, when the settings are wrong or
 * production has no key.
 */
export async function startNodeServer(env: Readonly<Record<string, EnvValue>>, options: { clientDir: string; hooks?: ShopHooks }): Promise<NodeServer> {
  const result = configFromEnv(env, 'node');
  for (const warning of result.warnings) console.warn(warning);
  if (!result.ok) throw new SettingsError(result.errors);
  const { settings } = result;
  if (!settings.STRIPE_SECRET_KEY && settings.NODE_ENV === 'production') {
    throw new SettingsError([
      '[fanshop] NODE_ENV=production needs STRIPE_SECRET_KEY (sk_live_… from the Stripe Dashboard, Developers → API keys): a live shop never runs the local test-mode Stripe. Set STRIPE_SECRET_KEY, or unset NODE_ENV to try the shop in test mode.',
    ]);
  }
  if (!settings.STRIPE_SECRET_KEY && settings.STRIPE_API_BASE) {
    throw new SettingsError(['[fanshop] STRIPE_API_BASE needs STRIPE_SECRET_KEY, the key that Stripe API answers']);
  }

  // Listen first, so that PORT=0 (tests) knows its port before the app is made with it.
  let app: Hono | undefined;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      { fetch: (request, bindings) => (app ? app.fetch(request, bindings) : new Response('Starting', { status: 503, headers: { 'Retry-After': '1' } })), port: settings.PORT, hostname: settings.HOST },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.PORT;
  const origin = `http://localhost:${port}`;

  let data: DataStores;
  try {
    data = await openNodeData(settings);
  } catch (error) {
    server.close();
    throw error;
  }
  const local = settings.STRIPE_SECRET_KEY ? undefined : await (await import('../../tools/stripe-local/attach')).attachLocalStripe({ shopPort: port, publicOrigin: origin });
  // The no-key demo has a studio too, with a password made now and shown once below: it is
  // no secret worth keeping (the demo takes no payment), and a new one each start.
  const demoPassword = local && !settings.FANSHOP_ADMIN_PASSWORD && !settings.FANSHOP_ADMIN_PASSWORD_HASH ? base64url(crypto.getRandomValues(new Uint8Array(12))) : undefined;
  const shopSettings = demoPassword ? { ...settings, FANSHOP_ADMIN_PASSWORD: demoPassword } : settings;
  const shop = createApp(withHooks(nodeAppOptions(shopSettings, { port, clientDir: options.clientDir, data, local }), options.hooks));
  if (local) shop.route('/_stripe', local.pages);
  shop.use(
    '*',
    serveStatic({
      root: options.clientDir,
      // The same headers as on Workers (http/static-headers.ts).
      onFound: (path, c) => {
        for (const [name, value] of Object.entries(staticHeaders(path))) c.header(name, value);
      },
    }),
  );
  shop.notFound((c) => c.text('Not found', 404));
  app = shop;
  // The catalog read and parsed now (and a big one's search index built right after), not
  // while the first shopper after a start waits: 10,000 products take about a second.
  void Promise.resolve(shop.request('/catalog.json?fanshop=1')).catch(() => {});
  // The same request once a minute, so that a shop without visitors still notices an edited
  // catalog file and runs the restock check (wishes/restock.ts) that follows requests.
  const idle = setInterval(() => void Promise.resolve(shop.request('/catalog.json?fanshop=1')).catch(() => {}), 60_000);
  idle.unref();

  console.log(`[fanshop] demo shop on ${origin}  (/ inline, /shop full page, /frame 520px iframe)`);
  if (local) console.log('[fanshop] no STRIPE_SECRET_KEY: checkout uses the local test-mode Stripe (card 4242 4242 4242 4242)');
  if (demoPassword) console.log(`[fanshop] studio: ${origin}/studio password: ${demoPassword}`);
  else if (settings.FANSHOP_ADMIN_PASSWORD || settings.FANSHOP_ADMIN_PASSWORD_HASH) console.log(`[fanshop] studio: ${origin}/studio (the password set in FANSHOP_ADMIN_PASSWORD${settings.FANSHOP_ADMIN_PASSWORD_HASH ? '_HASH' : ''})`);
  if (local && !settings.FANSHOP_REVIEW_SECRET) console.log('[fanshop] review links are signed with the local test mode’s development secret; a shop that sells sets FANSHOP_REVIEW_SECRET');
  return {
    port,
    url: origin,
    localStripe: !!local,
    close: async () => {
      clearInterval(idle);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await Promise.all([local?.close(), data.close()]);
    },
  };
}
