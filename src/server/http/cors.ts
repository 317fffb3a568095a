import type { Context, MiddlewareHandler } from 'hono';

/**
 * CORS by hand, for APIs the widget calls from the merchant's pages: a request whose Origin is
 * allowed gets it back in Access-Control-Allow-Origin; a preflight from any other origin gets
 * 403, and a request from one is answered by `refuse` before the route runs. Requests without
 * an Origin (curl, server to server) pass, as browsers always send one cross-origin.
 *
 * @example app.use('/api/likes/*', corsForOrigins(['https://shop.example'], { methods: 'GET, POST', refuse }))
 */
export function corsForOrigins(
  allowedOrigins: readonly string[],
  options: { readonly methods: string; readonly refuse: (c: Context) => Response | Promise<Response> },
): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const ok = origin !== undefined && allowed.has(origin);
    if (ok) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
    }
    if (c.req.method === 'OPTIONS') {
      if (!ok) return c.body(null, 403);
      c.header('Access-Control-Allow-Methods', options.methods);
      c.header('Access-Control-Allow-Headers', 'Content-Type');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    if (origin !== undefined && !ok) return options.refuse(c);
    await next();
  };
}
