import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/**
 * gzip for every text answer of over 200 bytes whose client accepts it (below that gzip's own
 * header and trailer eat the gain) (hono/compress, on
 * CompressionStream: HTML, JSON, CSV, JavaScript, CSS, SVG), with `Vary: Accept-Encoding` and
 * the ETag made weak, since the bytes differ; except on Cloudflare Workers. There the runtime owns Content-Encoding: it compresses a body itself
 * whenever a response says `Content-Encoding: gzip`, so compressing first sends gzip inside gzip,
 * or gzip under no header at all to a client that asked for none (seen in workerd through
 * miniflare; Hono's docs say to leave compression to Workers:
 * https://hono.dev/docs/middleware/builtin/compress). Cloudflare's edge compresses HTML and CSV
 * for clients that accept it. `navigator.userAgent` is how Workers name themselves:
 * https://developers.cloudflare.com/workers/runtime-apis/web-standards/#navigatoruseragent
 */
export function compressUnlessWorkers(): MiddlewareHandler {
  const gzip = compress({ threshold: 200 });
  const runtime = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  if (runtime === 'Cloudflare-Workers') return (_c, next) => next();
  return async (c, next) => {
    await gzip(c, next);
    // The compressed stream, read whole and sent in one piece with its length: streamed, each
    // small piece went out on its own turn of the event loop, and a 100 KB page of products
    // took 20 to 30 ms to arrive instead of 2 (every answer here is a page, a file or a
    // catalog, none of them endless).
    if (c.res.headers.get('Content-Encoding') && c.res.body) {
      const body = await new Response(c.res.body).arrayBuffer();
      c.res = new Response(body, c.res);
      c.res.headers.set('Content-Length', String(body.byteLength));
    }
  };
}
