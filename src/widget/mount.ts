import { h, hydrate, render } from 'preact';
import { resolveConfig, themeProperties, viewKey, type FanshopConfig } from './config';
import { chooseLocale, messagesFor } from './i18n/locale';
import { loadMessages, loadMoreMessages, type Messages } from './i18n/messages';
import { fallbackTexts } from './i18n/fallback';
import { lazyModule } from './ui/lazy-module';
import { createCartStore } from './cart/state';
import { createEventBus, type FanshopEventHandler, type FanshopEventName } from './social/events';
import { createShopStore } from './shop/store';
import { startRouter } from './shop/router';
import { ShopContext, type Shop } from './shop/context';
import { catalogUrl, reloadCatalog, widgetOrigin } from './shop/boot';
import { fromEnvelope, loadCatalog } from './shop/load';
import type { FirstViewState } from './shop/hydrate';
import { App } from './ui/App';
import { Skeleton } from './ui/LoadingState';
import { LazyCartButton, LazyProductDetail } from './ui/lazy-parts';
import { loadRating } from './ui/rating-part';
import { adoptCss } from './ui/adopt-css';
import type { EarlyHost } from './embed';
import css from './ui/styles.css?inline';

export interface FanshopInstance {
  /** Removes the shop from the page and stops listening to the URL. */
  unmount(): void;
  /**
   * Listens to a shop event; returns the function that stops listening.
   * @example shop.on('add_to_cart', (e) => console.log(e.productId, e.quantity))
   */
  on<E extends FanshopEventName>(name: E, handler: FanshopEventHandler<E>): () => void;
}

const instances = new WeakMap<Element, FanshopInstance>();

/**
 * Mounts a shop into an element, inside a shadow root so the host page's CSS cannot change it
 * and its CSS cannot leak out. Mounting the same element again returns the running shop.
 * @example
 * const shop = Fanshop.mount(document.querySelector('#shop'), { catalog: '/catalog.json' });
 * shop.on('add_to_cart', (e) => console.log(e));
 */
export function mount(element: Element, userConfig: FanshopConfig): FanshopInstance {
  const existing = instances.get(element);
  if (existing) return existing;
  if (!userConfig || typeof userConfig.catalog !== 'string' || !userConfig.catalog) {
    throw new TypeError('[fanshop] mount(element, config) needs config.catalog, the URL of your catalog JSON');
  }
  const config = resolveConfig(userConfig);
  const host = element as HTMLElement;
  for (const [name, value] of Object.entries(themeProperties(config.theme))) host.style.setProperty(name, value);
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const skeleton = () => render(h(Skeleton, { label: undefined }), root);
  const { locale, language } = chooseLocale({
    config: config.locale,
    pageLang: document.documentElement.lang,
    browser: navigator.languages,
  });
  // A first view the server rendered into the shadow root: in the page (server/pages/first-view.ts),
  // with the catalog it rendered from beside it; or for the loader (embed.ts), which started the
  // catalog's request, whose answer carried the view. Hydrated (shop/hydrate.ts) when in this
  // language and from these options (and when the browser made the shadow root from the page:
  // older ones ignore the template).
  const prefetch = (host as EarlyHost).fanshopPrefetch;
  (host as EarlyHost).fanshopPrefetch = undefined;
  const ahead = prefetch?.url === catalogUrl(config.catalog) ? prefetch : undefined;
  let first: FirstViewState | null = JSON.parse(host.querySelector(':scope>script[data-fanshop-first-view]')?.textContent || 'null');
  if (!first && ahead?.head?.key === viewKey(config)) first = { locale: ahead.head.locale, product: ahead.head.product };
  // A view still on its way stays out: the widget renders on its own from here.
  if (prefetch) prefetch.claimed = true;
  // Rendering afresh instead: the server's first view, if any, goes; the shop's styles come.
  const dropFirstView = () => {
    if (first || prefetch) root.replaceChildren();
    first = null;
    adoptCss(root, css);
  };
  if (first?.locale !== locale || !root.firstChild) {
    dropFirstView();
    // Skeleton cards at once; the catalog and the one message table this shop needs load together.
    skeleton();
  }
  let pendingCatalog = first?.envelope
    ? Promise.resolve(fromEnvelope(first.envelope, catalogUrl(config.catalog)))
    : loadCatalog(catalogUrl(config.catalog), widgetOrigin, ahead ? () => ahead.catalog : undefined);
  // Meta Pixel: its module loads only for a merchant who set pixelId or has fbq on the page;
  // events wait for it in order.
  const pixel = config.pixelId || (window as { fbq?: unknown }).fbq ? import('./social/pixel').then((m) => m.connectPixel(config.pixelId)) : null;
  const events = createEventBus(host, config, pixel ? (name, payload) => void pixel.then((send) => send(name, payload)) : undefined);
  const store = createShopStore();
  const disposers: (() => void)[] = [];
  let mounted = true;

  const start = (): Promise<void> =>
    loadMessages(language).then(
      (messages) => {
        if (!mounted) return;
        const router = startRouter(store, window, config.product);
        disposers.push(router.stop);
        const t = { ...messagesFor(messages, language, config.labels) } as Messages;
        const shop: Shop = {
          config,
          t,
          more: lazyModule(() => loadMoreMessages(language).then((more) => Object.assign(t, messagesFor(more, language, config.labels)))),
          locale,
          language,
          store,
          cart: createCartStore(),
          events,
          router,
          limits: { maxQuantity: config.maxQuantity, maxLines: config.maxLines },
          root,
          disposers,
        };
        const app = h(ShopContext.Provider, { value: shop }, h(App, {}));
        const fresh = () => {
          dropFirstView();
          render(app, root);
          void reloadCatalog(shop, pendingCatalog);
        };
        // Falls back to rendering afresh if the chunk cannot load or the catalog is not valid.
        if (first) {
          import('./shop/hydrate')
            .then((m) => m.hydrateFirstView(shop, first!, pendingCatalog, app, { hydrate, adopt: () => adoptCss(root, css), cartButton: LazyCartButton, productDetail: LazyProductDetail, rating: loadRating }))
            .catch(fresh);
        } else fresh();
      },
      (error: unknown) => {
        console.error('[fanshop] could not load the shop’s texts:', error);
        if (!mounted) return;
        // Not the skeleton forever: the error state (ErrorState's markup), in words it carries
        // itself, since the table that failed is where its words would come from. It replaces a
        // server-rendered first view too, so Retry renders afresh.
        dropFirstView();
        const [title, retryLabel] = fallbackTexts(language);
        const retry = () => {
          skeleton();
          // A catalog that failed too (the same broken connection) is fetched again with the texts.
          pendingCatalog = pendingCatalog.then((result) => (result.ok ? result : loadCatalog(catalogUrl(config.catalog), widgetOrigin)));
          void start();
        };
        render(
          h(
            'div',
            { class: 'root', lang: locale },
            h('div', { class: 'message', part: 'error', role: 'alert' }, h('p', { class: 'message-title' }, title), h('button', { type: 'button', class: 'button primary', part: 'button retry', onClick: retry }, retryLabel)),
          ),
          root,
        );
      },
    );
  void start();

  const instance: FanshopInstance = {
    unmount() {
      mounted = false;
      render(null, root);
      disposers.forEach((dispose) => dispose());
      instances.delete(element);
    },
    on: events.on,
  };
  instances.set(element, instance);
  return instance;
}
