import type { Context } from 'hono';
import type { AppOptions } from './app';
import { catalogFromUrl } from './catalog/url';
import { rateLimitKey } from './http/client-address';
import { appOptions } from './settings/app-options';
import { configFromEnv, SettingsError, type EnvValue } from './settings/schema';
import { durableObjectStores, type FanshopDataNamespace } from './data/durable-object/stores';

/** The static assets binding (wrangler.jsonc `assets.binding`): the files of dist/client. */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/**
 * What a Worker gets as `env`: the bindings of wrangler.jsonc, and the variables and secrets
 * that settings/schema.ts reads (docs/deploy.md). Typed here, for the parts Fanshop uses, so
 * the repository needs no @cloudflare/workers-types.
 */
export interface WorkerEnv {
  readonly ASSETS: AssetsBinding;
  /** The shop's Durable Object (wrangler.jsonc `durable_objects`): likes, orders and stock. */
  readonly FANSHOP_DATA?: FanshopDataNamespace;
  readonly [variable: string]: EnvValue | AssetsBinding;
}

/**
 * The app's options from a Worker's env: the variables are read by the same schema as on Node
 * (settings/schema.ts); this adds what only a Worker has: the deployed catalog asset, the shop's
 * Durable Object, the visitor's address from Cloudflare, and its own origin as the default
 * allowed origin.
 * Without STRIPE_SECRET_KEY the shop has no checkout, and says so. Throws a SettingsError
 * naming every bad variable.
 */
export function workerOptions(env: WorkerEnv, ownOrigin: string): AppOptions {
  const result = configFromEnv(env as Record<string, EnvValue>, 'workers');
  for (const warning of result.warnings) console.warn(warning);
  if (!result.ok) throw new SettingsError(result.errors);
  const { settings } = result;
  return appOptions(settings, {
    // Assets change only with a new deployment, which starts new isolates: read once.
    catalog: catalogFromUrl('https://assets.local/catalog.json', (r) => env.ASSETS.fetch(r), { refreshMs: Infinity }),
    ownOrigins: [ownOrigin],
    // Set by Cloudflare on every request: the visitor's address, keyed as on Node.
    clientAddress: (c: Context) => rateLimitKey(c.req.header('CF-Connecting-IP') ?? 'unknown'),
    data: env.FANSHOP_DATA ? durableObjectStores(env.FANSHOP_DATA) : undefined,
    noData: 'no Durable Object is bound as FANSHOP_DATA (wrangler.jsonc durable_objects)',
    noStripe: 'STRIPE_SECRET_KEY is not set (npx wrangler secret put STRIPE_SECRET_KEY)',
  });
}
