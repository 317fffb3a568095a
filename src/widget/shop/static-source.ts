import type { PagedCatalog } from '../../core/catalog/envelope';
import { idBucket, numbered, shardCount } from '../../core/catalog/static-site';
import { formatProblems, parseCatalog } from '../../core/catalog/parse';
import { queryProducts, type ProductIndex } from '../../core/catalog/query';
import { readSearchIndex, type StaticIndexedProduct } from '../../core/catalog/search-index';
import type { Catalog, Product } from '../../core/catalog/types';
import type { Shop } from './context';
import { withAbsoluteImageUrls } from './load';
import { PAGE_SIZE, type ProductSource } from './remote';

/**
 * A big catalog on static hosting, browsed from the files `fanshop build` wrote
 * (core/catalog/static-site.ts), behind the same interface as its server (shop/remote.ts).
 * The search index is fetched on the first search, filter, sort or "Show more", and searched
 * here as the server searches (core/catalog/query.ts); a page's cards come from the shards
 * that hold them, fetched in parallel and kept. A product asked for by id (a shared link, a saved
 * cart line) is found through the small directory file of its id, unless the index is already
 * there. Every file is untrusted: the index is checked by readSearchIndex, each shard's
 * products as a catalog's (core/catalog/parse.ts), a directory's positions as numbers of products.
 *
 * "Most liked" needs everyone's counts, which only a server has: here it orders the shopper's
 * own likes first (and the counts of a `data-likes-url` server, as far as the widget has them),
 * then the rest in catalog order, as a whole catalog on static hosting does.
 */
export function staticSource(shop: Shop, paged: PagedCatalog): ProductSource {
  const shardSize = paged.shardSize ?? 1;
  const count = shardCount({ total: paged.total, shardSize });
  const fileUrl = (name: string, n: number) => new URL(numbered(name, n), paged.endpoint).href;
  let index: Promise<ProductIndex<StaticIndexedProduct>> | undefined;
  let positions: Map<string, number> | undefined;
  const shardFiles = new Map<number, Promise<readonly Product[]>>();
  const directoryFiles = new Map<number, Promise<Readonly<Record<string, number>>>>();

  /** Memoised while it works; a failure is forgotten, so Retry asks again. */
  const once = <T>(make: () => Promise<T>, forget: () => void): Promise<T> => {
    const promise = make();
    promise.catch(forget);
    return promise;
  };
  const loadIndex = () =>
    (index ??= once(
      async () => {
        const read = readSearchIndex(await fetchJson(paged.endpoint));
        if (!read.ok) throw new Error(`[fanshop] the search index ${paged.endpoint} ${read.problem}; build the site again with: npx fanshop build`);
        if (read.index.products.length !== paged.total) throw new Error(`[fanshop] the search index ${paged.endpoint} is not the one of this catalog; build the site again`);
        positions = new Map(read.index.products.map((p) => [p.id, p.position]));
        return read.index;
      },
      () => (index = undefined),
    ));
  /** A file of `files` by number, fetched and checked once (again after a failure). */
  const memo = <T>(files: Map<number, Promise<T>>, n: number, make: () => Promise<T>): Promise<T> => {
    let file = files.get(n);
    if (!file) files.set(n, (file = once(make, () => files.delete(n))));
    return file;
  };
  const loadShard = (n: number) =>
    memo(shardFiles, n, async () => {
      const url = fileUrl(paged.shards!, n);
      return checkedProducts(await fetchJson(url), url, shop.store.getState().catalog!, n * shardSize);
    });
  const loadBucket = (n: number) =>
    memo(directoryFiles, n, async () => {
      const url = fileUrl(paged.directory!, n);
      const json = await fetchJson(url);
      const found = typeof json === 'object' && json !== null ? (json as { positions?: unknown }).positions : undefined;
      if (typeof found !== 'object' || found === null || !Object.values(found).every((at) => Number.isSafeInteger(at) && at >= 0 && at < paged.total)) {
        throw new Error(`[fanshop] ${url} does not say where products are; build the site again with: npx fanshop build`);
      }
      return found as Record<string, number>;
    });
  /** Where these products are: from the index when it is there or on its way, else from their directory files. */
  const locate = async (ids: readonly string[]): Promise<StaticIndexedProduct[]> => {
    const at = (id: string, positions: { get(id: string): number | undefined }) => {
      const position = positions.get(id);
      return position === undefined ? [] : [{ id, position }];
    };
    if (index || !paged.directory) {
      await loadIndex();
      return ids.flatMap((id) => at(id, positions!));
    }
    const buckets = await Promise.all(ids.map((id) => loadBucket(idBucket(id, count))));
    return ids.flatMap((id, k) => at(id, { get: (key) => (Object.hasOwn(buckets[k]!, key) ? buckets[k]![key] : undefined) }));
  };

  /** The products at these positions, in that order: those the widget has, and the rest from their shards. */
  const productsAt = async (wanted: readonly StaticIndexedProduct[], lenient = false): Promise<Product[]> => {
    const have = new Map(shop.store.getState().catalog!.products.map((p) => [p.id, p]));
    const needed = [...new Set(wanted.filter((p) => !have.has(p.id)).map((p) => Math.floor(p.position / shardSize)))];
    for (const products of await Promise.all(needed.map(loadShard))) for (const product of products) have.set(product.id, product);
    return wanted.flatMap((p) => {
      const product = have.get(p.id);
      if (!product && lenient) return [];
      if (!product) throw new Error(`[fanshop] the shard of ${p.id} does not have it: the site's files are from different builds; build it again`);
      return [product];
    });
  };

  return {
    async page(state, offset) {
      const found = await loadIndex();
      const likes = state.sort === 'liked' ? await ownLikes(shop) : undefined;
      const result = queryProducts(found, { q: state.query, categoryId: state.categoryId, sort: state.sort, likes, offset, limit: PAGE_SIZE });
      return { total: result.total, offset, categories: result.categories, products: await productsAt(result.products) };
    },
    async products(ids) {
      // A product whose shard does not have it (files of different builds) is one the catalog lacks.
      return (await productsAt(await locate(ids), true)) as Product[];
    },
  };
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`[fanshop] ${url} answered HTTP ${response.status}`);
  return response.json();
}

/**
 * A shard's products, checked as the products of a catalog with the shop and categories of the
 * first page (so a category they name must be one of them), at their places in the catalog,
 * with image URLs made absolute against the shard's URL.
 */
function checkedProducts(json: unknown, url: string, catalog: Catalog, first: number): readonly Product[] {
  const { shop, categories } = catalog;
  const products = typeof json === 'object' && json !== null ? (json as { products?: unknown }).products : undefined;
  const file = { shop: { id: shop.id, name: shop.name, currency: shop.currency, defaultLocale: shop.defaultLocale, baseUrl: shop.baseUrl }, categories, products };
  const result = parseCatalog(file);
  if (!result.ok) throw new Error(`[fanshop] the products file ${url} has problems:\n${formatProblems(result.errors)}\nBuild the site again with: npx fanshop build`);
  return result.catalog.products.map((p, at) => withAbsoluteImageUrls({ ...p, position: first + at }, url));
}

/** "Most liked" without a server's counts: the shopper's own likes (1 each), or better counts known. */
async function ownLikes(shop: Shop): Promise<Record<string, number>> {
  const { liked, counts } = (await import('../social/likes')).likesFor(shop).store.getState();
  const likes: Record<string, number> = { ...counts };
  for (const id of Object.keys(liked)) if (liked[id]) likes[id] = Math.max(likes[id] ?? 0, 1);
  return likes;
}
