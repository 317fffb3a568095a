import type { Context, ExecutionContext, Hono } from 'hono';
import { createApp } from './app';
import { staticHeaders } from './static-headers';
import { workerConfig, type WorkerEnv } from './worker-env';

/**
 * Cloudflare Workers entry (wrangler.jsonc; docs/deploy.md). The same app as node.ts, with the
 * catalog from the static assets, orders in Workers KV and the Stripe keys from secrets.
 * wrangler.jsonc runs the Worker before the assets, so /catalog.json is the parsed catalog
 * route and the files of dist/client get the same headers as on Node.
 */
export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    return appFor(env, new URL(request.url).origin).fetch(request, env, ctx);
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
  const { options, checkoutOff, webhooksOff } = workerConfig(env, origin);
  const app = createApp(options);
  // 503 and a log line that says what to set. Shoppers see the widget's translated "checkout
  // could not start"; Stripe retries a refused webhook (for up to three days in live mode), so
  // an order paid meanwhile is saved once the merchant has fixed the setting.
  const notConfigured = (code: string, message: string, why: string) => (c: Context) => {
    console.error(`[fanshop] ${c.req.path} refused: ${why}`);
    return c.json({ error: { code, message } }, 503);
  };
  if (checkoutOff) {
    const refuse = notConfigured('payment_provider_error', 'Checkout is not set up on this shop yet.', checkoutOff);
    app.all('/api/checkout', refuse).all('/api/checkout/*', refuse);
  }
  if (webhooksOff) app.post('/api/webhooks/stripe', notConfigured('webhook_not_configured', 'Webhooks are not configured.', webhooksOff));
  app.all('*', async (c) => {
    const file = await env.ASSETS.fetch(c.req.raw);
    // A new Response: the one from the binding has immutable headers.
    const response = new Response(file.body, file);
    if (file.ok || file.status === 304) for (const [name, value] of Object.entries(staticHeaders(c.req.path))) response.headers.set(name, value);
    return response;
  });
  return app;
}
