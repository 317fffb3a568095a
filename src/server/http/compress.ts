import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { rememberedGzip } from './remembered-gzip';

/** Below this, gzip's own header and trailer eat the gain. */
const THRESHOLD = 200;
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;
const VARY_ACCEPT_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/**
 * gzip for every text answer of over 200 bytes whose client accepts it (HTML, JSON, CSV,
 * JavaScript, CSS, SVG: hono/compress's list of types), with `Vary: Accept-Encoding` and the
 * ETag made weak, since the bytes differ; as hono/compress does, whose rules these are, except:
 *
 * - The same bytes are not compressed twice: the gzip of a recent answer is remembered by the
 *   hash of its text (http/remembered-gzip.ts). `/shop` is made again for every visitor, but it
 *   is the same page until the stock or the catalog changes, and its gzip took 3 to 4 ms of
 *   every first byte (issue 12's bench).
 * - The answer is sent in one piece with its length: streamed, each small piece went out on its
 *   own turn of the event loop, and a 100 KB page of products took 20 to 30 ms to arrive
 *   instead of 2 (every answer here is a page, a file or a catalog, none of them endless).
 *
 * Not on Cloudflare Workers. There the runtime owns Content-Encoding: it compresses a body
 * itself whenever a response says `Content-Encoding: gzip`, so compressing first sends gzip
 * inside gzip, or gzip under no header at all to a client that asked for none (seen in workerd
 * through miniflare; Hono's docs say to leave compression to Workers:
 * https://hono.dev/docs/middleware/builtin/compress). Cloudflare's edge compresses HTML and CSV
 * for clients that accept it. `navigator.userAgent` is how Workers name themselves:
 * https://developers.cloudflare.com/workers/runtime-apis/web-standards/#navigatoruseragent
 */
export function compressUnlessWorkers(): MiddlewareHandler {
  const runtime = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  if (runtime === 'Cloudflare-Workers') return (_c, next) => next();
  const gzip = rememberedGzip();
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type');
    const length = res.headers.get('Content-Length');
    if (
      !res.body ||
      res.status === 206 ||
      c.req.method === 'HEAD' ||
      res.headers.has('Content-Encoding') ||
      res.headers.has('Transfer-Encoding') ||
      (length !== null && Number(length) < THRESHOLD) ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '')
    )
      return;
    // Hono's `c.res =` carries the old answer's headers over to the new one: headers are set after.
    const vary = res.headers.get('Vary');
    if (!acceptsGzip(c.req.header('Accept-Encoding'))) {
      addVary(c.res, vary);
      return;
    }
    const text = new Uint8Array(await res.arrayBuffer());
    const body = text.byteLength < THRESHOLD ? text : await gzip(text);
    c.res = new Response(body, res);
    addVary(c.res, vary);
    if (body === text) return;
    const headers = c.res.headers;
    headers.set('Content-Encoding', 'gzip');
    headers.set('Content-Length', String(body.byteLength));
    const etag = headers.get('ETag');
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
  };
}

function addVary(res: Response, vary: string | null) {
  if (vary !== '*' && !(vary && VARY_ACCEPT_ENCODING.test(vary))) res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

/**
 * Whether an Accept-Encoding header takes gzip: named, or `*`, with a q above 0
 * (RFC 9110 §12.5.3). Other encodings are never chosen: gzip is what every browser takes.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let wildcard: number | undefined;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => /^q=/i.test(p));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const coding = name.toLowerCase();
    if (coding === 'gzip' || coding === 'x-gzip') return weight > 0;
    if (coding === '*') wildcard = weight;
  }
  return wildcard !== undefined && wildcard > 0;
}
