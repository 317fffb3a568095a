import { renderToString } from 'preact-render-to-string';
import { resolveConfig } from './config';
import { chooseLocale, messagesFor } from './i18n/locale';
import { loadMessages, loadMoreMessages, type Messages } from './i18n/messages';
import { createCartStore } from './cart/state';
import { createEventBus } from './social/events';
import { catalogReadyState, createShopStore } from './shop/store';
import { servedCatalog } from './shop/load';
import { ShopContext, type Shop } from './shop/context';
import { App } from './ui/App';
import { LazyCartButton, LazyProductDetail } from './ui/lazy-parts';
import type { RenderFirstView } from './ssr-contract';

/**
 * The widget's first view rendered on the server (server/pages/first-view.ts), from the same
 * components and the same store state the widget hydrates it with (mount.ts, shop/hydrate.ts):
 * the catalog of the envelope the page embeds, made absolute against the same URL
 * (shop/load.ts), and the parts the browser loads before it hydrates (the Cart button; the
 * product view of a product page). Like and Share depend on the shopper's device and render
 * their empty box (Social.tsx). Nothing here touches window, document or storage.
 */
export const renderFirstView: RenderFirstView = async (input) => {
  const { locale, language } = chooseLocale({ config: input.locale, pageLang: input.pageLang });
  const config = resolveConfig({ catalog: input.catalogUrl, locale: input.locale, product: input.product, headingLevel: input.headingLevel });
  const [first, more] = await Promise.all([loadMessages(language), loadMoreMessages(language), LazyCartButton.load(), input.product ? LazyProductDetail.load() : null]);
  const t = { ...messagesFor(first, language, config.labels), ...messagesFor(more, language, config.labels) } as Messages;
  const store = createShopStore();
  const loaded = servedCatalog(input.envelope, input.catalogUrl);
  const product = input.product && loaded.catalog.products.some((p) => p.id === input.product) ? input.product : null;
  store.setState({ ...catalogReadyState(loaded), productId: product });
  const shop: Shop = {
    config,
    t,
    more: { get: () => t, load: () => Promise.resolve(t) },
    locale,
    language,
    store,
    cart: createCartStore(),
    events: createEventBus(new EventTarget(), {}),
    router: { open() {}, close() {}, stop() {} },
    limits: { maxQuantity: config.maxQuantity, maxLines: config.maxLines },
    // No shadow root here: the page links the first view's stylesheet (adopt-css.ts).
    root: {} as ShadowRoot,
    disposers: [],
    hydrating: true,
  };
  return { html: renderToString(<ShopContext.Provider value={shop}><App /></ShopContext.Provider>), locale, product };
};
