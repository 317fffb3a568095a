import type { FanshopEventName, FanshopEventPayloads, FanshopItemPayload } from './events';
import { catalogItemId } from '../../core/cart/line-key';

/**
 * The shop's events as Meta Pixel standard events, for a merchant who sets `pixelId` or already
 * has `fbq` on the page: ViewContent, AddToCart, InitiateCheckout, Purchase, Search and
 * AddToWishlist, with `content_ids`, `content_type: 'product'`, `contents`, `value`,
 * `currency`, and an `eventID`. The Purchase's eventID is the Checkout Session id, the
 * `event_id` the server's Conversions API event carries, so Meta counts the order once.
 * https://developers.facebook.com/docs/meta-pixel/reference#standard-events
 * https://developers.facebook.com/docs/marketing-api/conversions-api/deduplicate-pixel-and-server-events
 *
 * A content id is the variant id where there is one, the product id otherwise: the ids the
 * catalog feed (/feeds/meta.csv) gives its rows, so Meta can match events to products.
 */
type Fbq = ((...args: unknown[]) => void) & { callMethod?: unknown; queue?: unknown[]; loaded?: boolean; version?: string; push?: unknown };
type PixelWindow = Window & { fbq?: Fbq; _fbq?: Fbq; __fanshopPixels?: Set<string> };

export interface PixelCall {
  name: string;
  params: Record<string, unknown>;
  eventID: string;
}

const contents = (items: readonly FanshopItemPayload[]) => items.map((i) => ({ id: catalogItemId(i), quantity: i.quantity }));
const ids = (items: readonly FanshopItemPayload[]) => items.map(catalogItemId);
let serial = 0;

/** The Pixel call for one shop event, or null for events Meta has no standard event for. */
export function pixelCall<E extends FanshopEventName>(name: E, payload: FanshopEventPayloads[E], now = Date.now()): PixelCall | null {
  const eventID = (kind: string) => `fanshop.${kind}.${now.toString(36)}.${(serial++).toString(36)}`;
  const product = (kind: string, items: readonly FanshopItemPayload[], value: number, currency: string): PixelCall => ({
    name: kind,
    params: { content_ids: ids(items), content_type: 'product', contents: contents(items), value, currency },
    eventID: eventID(kind),
  });
  switch (name) {
    case 'view_item':
    case 'add_to_cart': {
      const item = payload as FanshopItemPayload;
      return product(name === 'view_item' ? 'ViewContent' : 'AddToCart', [item], item.value, item.currency);
    }
    case 'begin_checkout': {
      const cart = payload as FanshopEventPayloads['begin_checkout'];
      const call = product('InitiateCheckout', cart.items, cart.value, cart.currency);
      call.params.num_items = cart.items.reduce((n, i) => n + i.quantity, 0);
      return call;
    }
    case 'purchase': {
      const order = payload as FanshopEventPayloads['purchase'];
      return { ...product('Purchase', order.items, order.value, order.currency), eventID: order.transactionId };
    }
    case 'search': {
      const search = payload as FanshopEventPayloads['search'];
      return { name: 'Search', params: { search_string: search.query, content_type: 'product' }, eventID: eventID('Search') };
    }
    case 'like': {
      const like = payload as FanshopEventPayloads['like'];
      const item: FanshopItemPayload = { productId: like.productId, variantId: null, quantity: 1, value: like.value, currency: like.currency };
      return product('AddToWishlist', [item], like.value, like.currency);
    }
    // review_open and review_submit: Meta has no standard event for a review (its standard
    // events: https://developers.facebook.com/docs/meta-pixel/reference#standard-events), and a
    // custom one would count nothing Ads optimise for; the host page can send one itself.
    default:
      return null;
  }
}

/**
 * Makes sure `fbq` exists (Meta's base code, loading fbevents.js, when the page has none),
 * initialises `pixelId` once per page, and returns the function that sends one shop event.
 */
export function connectPixel(pixelId: string | undefined, win: PixelWindow = window): <E extends FanshopEventName>(name: E, payload: FanshopEventPayloads[E]) => void {
  if (!win.fbq && pixelId) installBaseCode(win);
  const fbq = win.fbq;
  if (fbq && pixelId) {
    const initialised = (win.__fanshopPixels ??= new Set());
    if (!initialised.has(pixelId)) {
      initialised.add(pixelId);
      fbq('init', pixelId);
      fbq('track', 'PageView');
    }
  }
  return (name, payload) => {
    const call = pixelCall(name, payload);
    if (call && win.fbq) win.fbq('track', call.name, call.params, { eventID: call.eventID });
  };
}

/** Meta's Pixel base code, as a module instead of an inline script (the shop runs under strict CSPs). */
function installBaseCode(win: PixelWindow): void {
  const fbq: Fbq = (...args: unknown[]) => {
    if (fbq.callMethod) (fbq.callMethod as (...a: unknown[]) => void)(...args);
    else fbq.queue!.push(args);
  };
  fbq.push = fbq;
  fbq.loaded = true;
  fbq.version = '2.0';
  fbq.queue = [];
  win.fbq = fbq;
  win._fbq ??= fbq;
  const script = win.document.createElement('script');
  script.async = true;
  script.src = 'https://connect.facebook.net/en_US/fbevents.js';
  win.document.head.append(script);
}
