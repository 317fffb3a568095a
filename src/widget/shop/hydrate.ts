import type { ComponentChild, hydrate } from 'preact';
import type { Shop } from './context';
import type { CatalogLoadResult } from './load';
import type { CatalogEnvelope } from '../../core/catalog/envelope';
import { catalogReadyState } from './store';
import { catalogShown, checkoutReturn } from './boot';
import type { EarlyHost } from '../embed';

/**
 * Preact's hydrate and the lazy parts the server renders (ssr.tsx), passed in by mount.ts:
 * importing them (or ui/adopt-css.ts) here made the bundler split fanshop.mjs in two (+500 bytes gzip).
 */
interface Parts {
  readonly hydrate: typeof hydrate;
  /** Adopts the shop's styles.css (mount.ts). */
  readonly adopt: () => void;
  readonly cartButton: { load(): Promise<unknown> };
  readonly productDetail: { load(): Promise<unknown> };
  /** The stars' code (ui/rating-part.ts `loadRating`), for a catalog with ratings. */
  readonly rating: () => Promise<unknown>;
}

/** What the server embeds beside the first view it rendered (server/pages/first-view.ts). */
export interface FirstViewState {
  /** In the page beside the view; a view the loader asked for came with it (embed.ts). */
  readonly envelope?: CatalogEnvelope;
  readonly locale: string;
  /** The product whose view the server rendered (a product page), else null: the grid. */
  readonly product: string | null;
}

/**
 * Attaches the widget to the first view the server rendered into its shadow root
 * (Declarative Shadow DOM) instead of rendering it again: the store is set to exactly the state
 * the server rendered (its catalog, its language, its open product), the parts it rendered are
 * loaded first, and Preact's hydrate adopts the existing nodes. Only then does the URL's
 * product (`#/p/<id>`, which the server cannot see) open, as a normal render.
 * Loaded only for such pages, after the first paint: the server's HTML is the first paint.
 */
export async function hydrateFirstView(shop: Shop, first: FirstViewState, catalog: Promise<CatalogLoadResult>, app: ComponentChild, parts: Parts): Promise<void> {
  const returning = checkoutReturn();
  // A rated product's stars are rendered with its card (ui/rating-part.ts): their code is in before hydrating.
  const rated = catalog.then((l) => (l.ok && l.ratings ? parts.rating().then(() => l) : l));
  const [loaded] = await Promise.all([rated, shop.more.load(), parts.cartButton.load(), first.product ? parts.productDetail.load() : null]);
  // mount.ts hydrates only with the catalog the page embeds, which is in.
  if (!loaded.ok) throw new Error('[fanshop] the page’s catalog is not valid');
  // The view the URL asks for goes in after hydration, as a render: a product, or the review
  // form of `#/review/<token>` (hydration does not set the grid's `hidden` again).
  const { productId: wanted, reviewToken } = shop.store.getState();
  shop.store.setState({ ...catalogReadyState(loaded), productId: first.product, reviewToken: undefined });
  // The same sheet the page links (scripts/build.mjs), adopted now that the shop takes over,
  // before the parts it renders adopt theirs: the order of a shop rendered in the browser.
  parts.adopt();
  shop.hydrating = true;
  parts.hydrate(app, shop.root as ShadowRoot);
  shop.hydrating = false;
  if (wanted !== first.product || reviewToken) shop.store.setState({ productId: wanted, reviewToken });
  catalogShown(shop, loaded.catalog, returning);
  replayEarlyInput(shop.root);
}

/**
 * What the shopper did to the server's first view before the widget took it over: buttons
 * tapped (the loader, embed.ts, kept them) are tapped again, on the same nodes, which hydration
 * kept; text typed into the search box is searched. From here on the widget's own handlers act.
 */
export function replayEarlyInput(root: ShadowRoot | Document): void {
  const host = 'host' in root ? (root.host as EarlyHost) : undefined;
  const taps = host?.fanshopTaps ?? [];
  if (host) host.fanshopTaps = undefined;
  for (const target of taps) {
    // A link's own action (the product's #/p/ URL) has already happened.
    const button = target instanceof Element ? target.closest('button') : null;
    if (button && root.contains(button)) button.click();
  }
  const search = root.querySelector<HTMLInputElement>('input[type="search"]');
  if (search?.value) search.dispatchEvent(new Event('input', { bubbles: true }));
}
