import type { CatalogSource } from './source';

/**
 * A catalog kept at a URL (FANSHOP_CATALOG_URL, or the static assets of a Worker): read again
 * at most once a minute, so an edited catalog is live within a minute. `fetcher` is `fetch`, or
 * a Worker's assets binding.
 */
export function catalogFromUrl(url: string, fetcher: (request: Request) => Promise<Response>, options: { refreshMs?: number } = {}): CatalogSource {
  const refreshMs = options.refreshMs ?? 60_000;
  return {
    read: async () => {
      const response = await fetcher(new Request(url, { headers: { Accept: 'application/json' } }));
      if (!response.ok) throw new Error(`[fanshop] the catalog at ${url} answered HTTP ${response.status}; check FANSHOP_CATALOG_URL or public/catalog.json`);
      return response.text();
    },
    version: async () => (refreshMs === Infinity ? 'deployed' : String(Math.floor(Date.now() / refreshMs))),
  };
}
