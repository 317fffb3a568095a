import { h, render } from 'preact';
import { resolveConfig, themeProperties, type FanshopConfig } from './config';
import { chooseLocale } from './i18n/locale';
import { messagesFor } from './i18n/locale';
import { createCartStore } from './cart/store';
import { safeStorage } from './cart/persistence';
import { createEventBus, type FanshopEventHandler, type FanshopEventName } from './social/events';
import { createShopStore } from './shop/store';
import { startRouter } from './shop/router';
import { ShopContext, type Shop } from './shop/context';
import { attachStorage, reloadCatalog, stopPersisting } from './shop/boot';
import { App } from './ui/App';
import css from './ui/styles.css?inline';
import { adoptCss } from './ui/adopt-css';

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
  for (const [name, value] of Object.entries(themeProperties(config.themeOverrides))) host.style.setProperty(name, value);
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  adoptCss(root, css);

  const { locale, language } = chooseLocale({
    config: config.locale,
    pageLang: document.documentElement.lang,
    browser: navigator.languages,
  });
  const store = createShopStore();
  const shop: Shop = {
    config,
    t: messagesFor(language, config.labels),
    locale,
    language,
    store,
    cart: createCartStore(),
    events: createEventBus(host, config),
    router: startRouter(store, window),
    limits: { maxQuantity: config.maxQuantity, maxLines: config.maxLines },
    root,
  };
  attachStorage(shop, safeStorage(() => window.localStorage));
  render(h(ShopContext.Provider, { value: shop }, h(App, {})), root);
  void reloadCatalog(shop);

  const instance: FanshopInstance = {
    unmount() {
      render(null, root);
      shop.router.stop();
      stopPersisting(shop);
      instances.delete(element);
    },
    on: shop.events.on,
  };
  instances.set(element, instance);
  return instance;
}
