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
  return (c, next) => (runtime === 'Cloudflare-Workers' ? next() : gzip(c, next));
}
