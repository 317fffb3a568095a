import type { ExecutionContext, Hono } from 'hono';
import { createApp } from './app';
import { staticHeaders } from './http/static-headers';
import { workerOptions, type WorkerEnv } from './worker-env';
import { SettingsError } from './settings/schema';
import { withHooks, type ShopHooks } from './settings/app-options';

export { FanshopData } from './data/durable-object/fanshop-data';

/**
 * Cloudflare Workers entry (wrangler.jsonc; docs/deploy.md). The same app as node.ts, with the
 * catalog from the static assets, likes, orders and stock in the shop's Durable Object
 * (FanshopData, exported for the runtime) and the Stripe keys from secrets.
 * wrangler.jsonc runs the Worker before the assets, so /catalog.json is the parsed catalog
 * route and the files of dist/client get the same headers as on Node.
 */
export default fanshopWorker();

/**
 * The Worker with the merchant's hooks (`onOrder`, `onRestock`: settings/app-options.ts), for an
 * entry of their own (docs/deploy.md, "Hooks on Workers"). The hooks are made from the Worker's
 * env, where its secrets are (a mailer's key), once per env.
 * @example
 * import { fanshopWorker, FanshopData } from './src/server/worker';
 * export { FanshopData };
 * export default fanshopWorker((env) => ({ onRestock: (notice) => sendRestockMails(notice, env.MAILER_KEY) }));
 */
export function fanshopWorker<Env extends WorkerEnv = WorkerEnv>(hooks?: ShopHooks | ((env: Env) => ShopHooks)) {
  // One app per isolate and env (and per hostname when FANSHOP_ALLOWED_ORIGINS is unset), so the
  // catalog is parsed once and the rate limit counts across requests.
  const apps = new WeakMap<Env, Map<string, Hono>>();
  const appFor = (env: Env, origin: string): Hono => {
    const byOrigin = apps.get(env) ?? new Map<string, Hono>();
    apps.set(env, byOrigin);
    const key = env.FANSHOP_ALLOWED_ORIGINS ? '' : origin;
    let app = byOrigin.get(key);
    if (!app) byOrigin.set(key, (app = workerApp(env, origin, typeof hooks === 'function' ? hooks(env) : hooks)));
    return app;
  };
  return {
    fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
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
}

function workerApp(env: WorkerEnv, origin: string, hooks: ShopHooks | undefined): Hono {
  const app = createApp(withHooks(workerOptions(env, origin), hooks));
  app.all('*', async (c) => {
    const file = await env.ASSETS.fetch(c.req.raw);
    // A new Response: the one from the binding has immutable headers.
    const response = new Response(file.body, file);
    if (file.ok || file.status === 304) for (const [name, value] of Object.entries(staticHeaders(c.req.path))) response.headers.set(name, value);
    return response;
  });
  return app;
}
