import type { ExecutionContext, Hono } from 'hono';
import { createApp } from './app';
import { staticHeaders } from './http/static-headers';
import { workerOptions, type WorkerEnv } from './worker-env';
import { SettingsError } from './settings/schema';

export { FanshopData } from './data/durable-object/fanshop-data';

/**
 * Cloudflare Workers entry (wrangler.jsonc; docs/deploy.md). The same app as node.ts, with the
 * catalog from the static assets, likes, orders and stock in the shop's Durable Object
 * (FanshopData, exported for the runtime) and the Stripe keys from secrets.
 * wrangler.jsonc runs the Worker before the assets, so /catalog.json is the parsed catalog
 * route and the files of dist/client get the same headers as on Node.
 */
export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    let app: Hono;
    try {
      app = appFor(env, new URL(request.url).origin);
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      // A setting the merchant must fix: every request says so, the log says which and how.
      console.error(error.message);
      return new Response('This shop is not set up correctly yet; its log names the setting to fix.', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '60' } });
    }
    return app.fetch(request, env, ctx);
  },
};

// One app per isolate and env (and per hostname when FANSHOP_ALLOWED_ORIGINS is unset), so the
// catalog is parsed once and the rate limit counts across requests.
const apps = new WeakMap<WorkerEnv, Map<string, Hono>>();

function appFor(env: WorkerEnv, origin: string): Hono {
  const byOrigin = apps.get(env) ?? new Map<string, Hono>();
  apps.set(env, byOrigin);
  const key = env.FANSHOP_ALLOWED_ORIGINS ? '' : origin;
  let app = byOrigin.get(key);
  if (!app) byOrigin.set(key, (app = workerApp(env, origin)));
  return app;
}

function workerApp(env: WorkerEnv, origin: string): Hono {
  const app = createApp(workerOptions(env, origin));
  app.all('*', async (c) => {
    const file = await env.ASSETS.fetch(c.req.raw);
    // A new Response: the one from the binding has immutable headers.
    const response = new Response(file.body, file);
    if (file.ok || file.status === 304) for (const [name, value] of Object.entries(staticHeaders(c.req.path))) response.headers.set(name, value);
    return response;
  });
  return app;
}
