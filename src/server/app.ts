import { Hono, type Context } from 'hono';
import { securityHeaders, strictCsp } from './http/security';
import { demoMerchantPage, framedShopPage, hostilePage, shopPageFirstView, standaloneShopPage } from './pages/demo';
import { choosePageLanguage } from './pages/page-locale';
import { catalogRoute, parsedEnvelope } from './catalog/route';
import { productQueries, productsRoute } from './catalog/products-route';
import { catalogLoader, parsedCatalog, type CatalogSource } from './catalog/source';
import { checkoutRoutes, type CheckoutOptions } from './checkout/route';
import { stripeWebhookRoutes, type WebhookOptions } from './webhooks/stripe-webhook';
import { likesRoutes, type LikesOptions } from './likes/route';
import { recommendationsRoutes, type RecommendationsOptions } from './recommendations/route';
import { wishesRoutes, type WishesOptions } from './wishes/route';
import { eventsRoutes, type EventsOptions } from './events/route';
import { studioInsightsRoutes } from './insights/route';
import type { InsightsStores } from './insights/insights';
import { restockTriggers } from './wishes/triggers';
import { reviewsRoutes, type ReviewsOptions } from './reviews/route';
import { reviewInvitation, reviewLink } from './reviews/invitation';
import { productReviewsLoader } from './reviews/product-reviews';
import { recentRatings } from './reviews/ratings';
import type { Order } from './orders/order';
import { facebookTabRoutes, type FacebookTabOptions } from './facebook/tab-route';
import { productPageRoute } from './pages/product-route';
import { embedFirstView } from './pages/first-view';
import { metaFeedRoute, metaReviewsFeedRoute } from './feeds/meta-route';
import { compressUnlessWorkers } from './http/compress';
import { apiError, errorResponse } from './http/api-error';
import { unexpectedError } from './http/unexpected-error';
import { utf8 } from './http/utf8';
import type { StockStore } from './stock/store';
import { liveCatalogLoader, withLiveStockLoader } from './stock/live-catalog';
import { studioAccess, type StudioPassword } from './studio/access';
import { studioGuard } from './studio/guard';
import { pageTheme } from './pages/page-theme';
import { keptBeside } from './pages/kept-beside';
import { studioRoutes, type CatalogFileWriter } from './studio/routes';

export interface AppOptions {
  /** Where the catalog JSON comes from (a file on Node, a bundled asset on Workers). */
  catalog: CatalogSource;
  /** Checkout with Stripe; without it the shop has no /api/checkout (static Payment Links only). */
  checkout?: Omit<CheckoutOptions, 'catalog'>;
  /** Stripe webhooks turning paid sessions into orders. */
  webhooks?: WebhookOptions;
  /** Live stock for the served catalog (stock/live-catalog.ts); without it the catalog's own numbers. */
  stock?: StockStore;
  /** Likes (`/api/likes`); without it the widget keeps each shopper's likes on their device only. */
  likes?: LikesOptions;
  /**
   * Reviews from verified buyers (`/api/reviews`), on product pages and in the reviews feed;
   * with `tokens`, paid orders get review links (the confirmation and `onOrder`).
   */
  reviews?: ReviewsOptions;
  /**
   * "Fans who liked this also liked", "Often bought together" and the cart's "You may also
   * like" (`/api/recommendations`), from the shop's data; live stock and like counts come from
   * `stock` and `likes`.
   */
  recommendations?: Omit<RecommendationsOptions, 'stock' | 'likes'>;
  /**
   * "I want this" (`/api/wishes`): emails left for products sold out or coming soon, and the
   * `onRestock` hook that gets them once the product can be bought (wishes/restock.ts).
   */
  wishes?: WishesOptions;
  /**
   * What fans do in the widget (`POST /api/events`, events/route.ts), for the studio's numbers;
   * with a store, the envelope names the endpoint and the widget sends them (widget/listening/).
   */
  events?: EventsOptions;
  /** The studio's numbers (`/api/studio/insights`, insights/route.ts), from these stores. */
  insights?: InsightsStores;
  /** The Facebook Page tab (`/facebook/tab`); GET works without it, POST needs its app secret. */
  facebook?: FacebookTabOptions;
  /**
   * Why checkout or webhooks are off (what the merchant must set): their routes then answer 503
   * and log the reason. Shoppers see the widget's translated "checkout could not start"; Stripe
   * retries a refused webhook (for up to three days in live mode), so an order paid meanwhile is
   * saved once the setting is fixed.
   */
  unavailable?: { checkout?: string; webhooks?: string };
  /**
   * The merchant's studio (`/studio`, `/api/studio/*`), on with a password; without it the
   * studio's page says how to turn it on and its API answers 404.
   */
  studio?: { password: StudioPassword; clientAddress: (c: Context) => string; catalogFile?: CatalogFileWriter | undefined };
}

/**
 * The Fanshop server as a standard fetch handler: routes only, each route's logic in its own
 * file. Runtime entries (node.ts, worker.ts) add static assets and start it.
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);
  // Every text answer gzipped for clients that accept it, on Node (http/compress.ts): pages,
  // the catalog, the feed, the API, and the widget's files the runtime entry serves after these
  // routes. On Workers, Cloudflare's edge compresses.
  app.use('*', compressUnlessWorkers());
  app.onError(unexpectedError);
  app.use('*', async (c, next) => {
    await next();
    const check = restock.due();
    if (!check) return;
    // Workers end a request's work with its answer unless told to wait for it.
    try {
      c.executionCtx.waitUntil(check);
    } catch {
      void check;
    }
  });

  // Embedded checkout with real Stripe.js (the local test mode serves its stand-in from here).
  const stripe = !!options.checkout?.embedded && !options.checkout.embedded.stripeJs;
  const html = (body: string | Uint8Array<ArrayBuffer>, framable = false, perLanguage = false) =>
    new Response(typeof body === 'string' ? utf8(body) : body, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': strictCsp({ framable, stripe }),
        'Cache-Control': 'no-cache',
        ...(perLanguage ? { Vary: 'Accept-Language' } : {}),
      },
    });
  // The pages that carry the shop are in the visitor's language, as product pages are; the
  // widget speaks the page's. `/` is the demo merchant's own English page and stays English.
  const visitorLanguage = (c: Context) => choosePageLanguage({ query: c.req.query('locale'), acceptLanguage: c.req.header('Accept-Language') });

  // The studio: its guard before any of its routes, so every route under /studio and
  // /api/studio (the insights' and the builder's too) needs the merchant's session.
  const studioCsp = strictCsp();
  const access = options.studio ? studioAccess(options.studio.password) : undefined;
  const guard = studioGuard({ sessions: access && (async () => (await access()).sessions), csp: studioCsp });
  // (Hono's `/studio/*` matches `/studio` itself too.)
  for (const path of ['/studio/*', '/api/studio/*']) app.use(path, guard);

  app.get('/', () => html(demoMerchantPage()));
  app.get('/frame', (c) => html(framedShopPage({ lang: visitorLanguage(c) }), false, true));
  app.get('/demo/hostile', () => html(hostilePage()));
  // The restock check (wishes/restock.ts) runs after a request that comes when the catalog has
  // changed, when the webhook has given units back, or a minute after the last check.
  const restock = restockTriggers(options.wishes, options.stock);
  const loadCatalog = restock.watch(catalogLoader(options.catalog));
  // What can be bought now (stock/live-catalog.ts): in the catalog the widget loads, on product
  // pages and in the feed alike. Checkout prices and reserves from the catalog as written.
  const live = options.stock ? liveCatalogLoader(options.stock) : undefined;
  const shown = live ? withLiveStockLoader(loadCatalog, live) : loadCatalog;
  // The cards' stars travel with the products (reviews/ratings.ts), read at most every 2 s.
  const ratings = options.reviews ? recentRatings(options.reviews.store, { now: options.reviews.now }) : undefined;
  const readRatings = ratings && (() => ratings.read());
  // A big catalog is browsed a page at a time (catalog/products-route.ts).
  const queries = productQueries({ load: loadCatalog, stock: options.stock, likes: options.likes?.store, ratings: readRatings });
  // The script tag's loader asks for the shop's first view with it (pages/first-view.ts).
  // The envelope names the events endpoint only where events are kept (FANSHOP_ANALYTICS=on).
  const eventsEndpoint = options.events?.store ? '/api/events' : undefined;
  app.get('/catalog.json', catalogRoute(loadCatalog, live ? shown : undefined, queries, embedFirstView, readRatings, eventsEndpoint));
  // The pages Facebook traffic lands on send the widget's first view as HTML (pages/first-view.ts),
  // rendered from the envelope the widget would fetch, which the page embeds for it.
  const envelope = () => parsedEnvelope(loadCatalog, live ? shown : undefined, queries, readRatings, eventsEndpoint).then((answer) => answer.envelope);
  // `/shop` is the same page for every visitor until its first view changes (first-view.ts keeps
  // that view while the envelope lives): its bytes are kept beside the view, not made again.
  const shopPages = keptBeside<object, Uint8Array<ArrayBuffer>>(8);
  app.get('/shop', async (c) => {
    const options = { lang: visitorLanguage(c), locale: c.req.query('locale') };
    // A look of the page's own (the embed builder's iframe: pages/page-theme.ts) is not the
    // server-rendered view's, which would show in the shop's look first: the loader asks for
    // a first view in this look instead (its own path, with the options it reads off the page).
    const theme = pageTheme((name) => c.req.query(name));
    const firstView = theme.length ? undefined : await shopPageFirstView(options, { envelope, pageUrl: c.req.url });
    const page = () => utf8(standaloneShopPage({ ...options, firstView, theme }));
    return html(firstView ? shopPages.made(firstView, JSON.stringify([options.lang, options.locale]), page) : page(), true, true);
  });
  app.get('/api/products', productsRoute(queries));
  // Each product's own page, for crawlers and shared links, and Meta's catalog feed: with ETags,
  // as crawlers come back often.
  const productReviews = options.reviews ? productReviewsLoader(options.reviews.store) : undefined;
  app.get('/p/:productId', productPageRoute(shown, { csp: strictCsp({ stripe }), envelope, reviews: productReviews }));
  app.get('/feeds/meta.csv', metaFeedRoute(shown));
  if (options.reviews) app.get('/feeds/meta-reviews.csv', metaReviewsFeedRoute(loadCatalog, options.reviews.store));
  // The same parse the widget gets: prices and product ids come from it, never from the request.
  const catalog = () => parsedCatalog(loadCatalog);
  // A paid session's confirmation carries its review token when reviews have one.
  if (options.checkout) app.route('/', checkoutRoutes({ reviewTokens: options.reviews?.tokens, ...options.checkout, catalog }));
  if (options.webhooks) {
    const tokens = options.reviews?.tokens;
    // The hook's review link points at the shop's page (the catalog's baseUrl).
    const invitation = async (order: Order) => {
      if (!tokens) return undefined;
      const made = await reviewInvitation(tokens, { id: order.id, paidAt: new Date(order.createdAt), lines: order.lines });
      if (!made) return undefined;
      const baseUrl = (await catalog())?.shop.baseUrl;
      return { ...made, url: baseUrl ? reviewLink(baseUrl, made.token) : null };
    };
    app.route('/', stripeWebhookRoutes({ reviewInvitation: invitation, onStockReleased: restock.released, ...options.webhooks }));
  }
  if (options.likes) app.route('/', likesRoutes({ ...options.likes, catalog }));
  if (options.reviews) app.route('/', reviewsRoutes({ ...options.reviews, catalog, onWritten: ratings?.changed }));
  if (options.events) app.route('/', eventsRoutes({ ...options.events, catalog }));
  // The studio's guard (session and Origin) for everything under /api/studio/ goes before this.
  if (options.insights) app.route('/', studioInsightsRoutes({ stores: options.insights, catalog }));
  else {
    // No data store: the studio's Insights screen says so, in JSON as every studio API answers.
    const noNumbers = (c: Context) => errorResponse(c, apiError('events_unavailable', 'This shop keeps no data store, so it has no numbers to show.'));
    app.get('/api/studio/insights', noNumbers).get('/api/studio/insights.csv', noNumbers);
  }
  if (options.wishes) app.route('/', wishesRoutes({ ...options.wishes, catalog: () => parsedCatalog(shown) }));
  restock.start(() => parsedCatalog(loadCatalog));
  if (options.recommendations) app.route('/', recommendationsRoutes({ ...options.recommendations, load: loadCatalog, stock: options.stock, likes: options.likes?.store }));
  if (access && options.studio) {
    const { clientAddress, catalogFile } = options.studio;
    app.route('/', studioRoutes({ access, clientAddress, csp: studioCsp, reviews: options.reviews?.store, catalog, catalogFile, onModerated: ratings?.changed }));
  }
  app.route('/', facebookTabRoutes({ appSecret: options.facebook?.appSecret, catalog, envelope, stripe }));
  const notConfigured = (code: 'checkout_not_configured' | 'webhook_not_configured', message: string, why: string) => (c: Context) => {
    console.error(`[fanshop] ${c.req.path} refused: ${why}`);
    return errorResponse(c, apiError(code, message));
  };
  const { unavailable } = options;
  if (unavailable?.checkout) {
    const refuse = notConfigured('checkout_not_configured', 'Checkout is not set up on this shop yet.', unavailable.checkout);
    app.all('/api/checkout', refuse).all('/api/checkout/*', refuse);
  }
  if (unavailable?.webhooks) app.post('/api/webhooks/stripe', notConfigured('webhook_not_configured', 'Webhooks are not configured.', unavailable.webhooks));
  return app;
}
