import { renderToString } from 'preact-render-to-string';
import { embedConfig, resolveConfig, themeProperties, viewKey, type FanshopConfig, type ResolvedConfig } from './config';
import { chooseLocale, messagesFor, type LocaleChoice } from './i18n/locale';
import { loadMessages, loadMoreMessages, type Messages } from './i18n/messages';
import { createCartStore } from './cart/state';
import { createEventBus } from './social/events';
import { catalogReadyState, createShopStore } from './shop/store';
import { servedCatalog } from './shop/load';
import { loadRating } from './ui/rating-part';
import { ShopContext, type Shop } from './shop/context';
import { App } from './ui/App';
import { LazyCartButton, LazyProductDetail } from './ui/lazy-parts';
import type { FirstViewInput, RenderEmbedView, RenderFirstView } from './ssr-contract';

/**
 * The widget's first view rendered on the server (server/pages/first-view.ts), from the same
 * components and the same store state the widget hydrates it with (mount.ts, shop/hydrate.ts):
 * the catalog of the envelope the page embeds, made absolute against the same URL
 * (shop/load.ts), and the parts the browser loads before it hydrates (the Cart button; the
 * product view of a product page). Like and Share depend on the shopper's device and render
 * their empty box (Social.tsx). Nothing here touches window, document or storage.
 */
export const renderFirstView: RenderFirstView = async (input) => {
  const choice = chooseLocale({ config: input.locale, pageLang: input.pageLang });
  const config = resolveConfig({ catalog: input.catalogUrl, locale: input.locale, product: input.product, headingLevel: input.headingLevel });
  return { ...(await render(config, choice, input.envelope, input.catalogUrl)), locale: choice.locale };
};

/**
 * The first view of a shop the script tag mounts, which the loader (embed.ts) asks for with the
 * catalog: rendered from the options the widget will mount with, merged as auto-mount.ts merges
 * them, and in the language it will choose. The parameter comes from anyone: anything that is
 * not the loader's shape gets no view (null), and the catalog is answered as before.
 */
export const renderEmbedView: RenderEmbedView = async (input) => {
  let options: unknown;
  try {
    options = JSON.parse(input.view);
  } catch {
    return null;
  }
  const record = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const strings = (value: unknown): value is Record<string, string> => record(value) && Object.values(value).every((v) => typeof v === 'string');
  if (!Array.isArray(options) || options.length !== 4) return null;
  const [global, script, div, pageLang] = options as unknown[];
  if (!(global === null || record(global)) || !(script === null || strings(script)) || !strings(div) || typeof pageLang !== 'string') return null;
  try {
    const config = resolveConfig({ ...embedConfig(global as Partial<FanshopConfig> | null, script, div), catalog: input.catalogUrl } as FanshopConfig);
    const choice = chooseLocale({ config: config.locale, pageLang, browser: input.browser });
    const view = await render(config, choice, input.envelope, input.catalogUrl);
    return { ...view, locale: choice.locale, key: viewKey(config), theme: themeProperties(config.theme) };
  } catch {
    return null;
  }
};

async function render(config: ResolvedConfig, { locale, language }: LocaleChoice, envelope: FirstViewInput['envelope'], catalogUrl: string): Promise<{ html: string; product: string | null }> {
  const [first, more] = await Promise.all([loadMessages(language), loadMoreMessages(language), LazyCartButton.load(), config.product ? LazyProductDetail.load() : null, envelope.ratings ? loadRating() : null]);
  const t = { ...messagesFor(first, language, config.labels), ...messagesFor(more, language, config.labels) } as Messages;
  const store = createShopStore();
  const loaded = servedCatalog(envelope, catalogUrl);
  const product = config.product && loaded.catalog.products.some((p) => p.id === config.product) ? config.product : null;
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
  return { html: renderToString(<ShopContext.Provider value={shop}><App /></ShopContext.Provider>), product };
}
