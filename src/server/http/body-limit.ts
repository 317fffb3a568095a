import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Refuses a request body over `maxSize` bytes before the route reads it, with `refuse`'s
 * answer (a 413). Every route that reads a body puts it first: JSON through json-body.ts, the
 * Stripe webhook's raw text and the Facebook tab's form directly.
 *
 * A request that declares its length is judged by its Content-Length alone, so nothing of an
 * oversized body is read. (Hono's `bodyLimit` first looks at `c.req.raw.body`, and on Node that
 * makes @hono/node-server build a whole web `Request` with a stream over the socket for every
 * request: about half of the server's own time at the median in `npm run bench`; left alone,
 * the route's `c.req.text()` reads the socket directly. Node's HTTP parser never passes on more
 * bytes than Content-Length says, so the header is as good a limit as counting.) A chunked body,
 * which declares no length, is counted as it arrives by Hono's `bodyLimit`, which stops reading
 * at the limit. https://hono.dev/docs/middleware/builtin/body-limit
 *
 * The refusal says `Connection: close`. The rest of the body is still on its way on that
 * connection; kept alive, Node drains it for half a second (@hono/node-server) and then drops
 * the connection, and a client that reuses it for its next request finds it gone. Closing is
 * what RFC 9110 §15.5.14 offers a server that will not read the content, and by RFC 9112 §9.6
 * the client then sends its next request on a new connection. (Workers answer on Cloudflare's
 * connections, which handle this themselves.)
 */
export function bodySizeLimit(options: { maxSize: number; onError: (c: Context) => Response | Promise<Response> }): MiddlewareHandler {
  const refuse = async (c: Context) => {
    const response = await options.onError(c);
    response.headers.set('Connection', 'close');
    return response;
  };
  const counted = bodyLimit({ maxSize: options.maxSize, onError: refuse });
  return async (c, next) => {
    const length = c.req.header('Content-Length');
    if (length === undefined || !/^\d+$/.test(length) || c.req.header('Transfer-Encoding') !== undefined) return counted(c, next);
    if (Number(length) > options.maxSize) return refuse(c);
    await next();
  };
}
