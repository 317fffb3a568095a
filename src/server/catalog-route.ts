import type { Handler } from 'hono';

/** Reads the catalog's JSON text; an implementation per runtime (file on Node, asset on Workers). */
export interface CatalogSource {
  read(): Promise<string>;
}

/**
 * `GET /catalog.json`: the merchant's catalog as they wrote it, with an ETag so the widget's
 * repeat visits cost a 304. CORS is open: the catalog is public and embeds fetch it cross-origin.
 */
export function catalogRoute(source: CatalogSource): Handler {
  return async (c) => {
    let text: string;
    try {
      text = await source.read();
    } catch (error) {
      console.error('[fanshop] cannot read the catalog:', error);
      return c.json({ error: { code: 'catalog_unavailable', message: 'The catalog cannot be read.' } }, 500);
    }
    const etag = `"${await digest(text)}"`;
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=60, must-revalidate',
      'Access-Control-Allow-Origin': '*',
      ETag: etag,
    };
    if (c.req.header('If-None-Match') === etag) return new Response(null, { status: 304, headers });
    return new Response(text, { headers });
  };
}

async function digest(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash).slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}
