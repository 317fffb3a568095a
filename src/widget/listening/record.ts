import type { ShopEventInput, ShopEventType } from '../../core/api/events';
import type { FanshopEventName, FanshopEventPayloads } from '../social/events';

/** The widget's events the shop keeps, by the name the host page knows them by. */
export const LISTENED = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase', 'search', 'like', 'share', 'wish_submit'] as const satisfies readonly FanshopEventName[];
export type ListenedEvent = (typeof LISTENED)[number];

/** The record's type of each event about one product. */
const SINGLE = { view_item: 'view', add_to_cart: 'add_to_cart', like: 'like', share: 'share', wish_submit: 'wish' } as const satisfies Partial<Record<ListenedEvent, ShopEventType>>;

const productsOf = (items: readonly { productId: string }[]) => [...new Set(items.map((i) => i.productId))];

/**
 * The record of one widget event the server gets: its type, the products it is about, a
 * search's text and result count, and when. Built field by field from what the event carries,
 * so nothing else (a share's URL, a price, a review's words, a wish's email, which the payloads
 * do not carry either) can slip in. A search with no text (a category chosen) is no search.
 */
export function eventRecord<E extends ListenedEvent>(name: E, payload: FanshopEventPayloads[E], at: number): ShopEventInput | null {
  switch (name) {
    case 'view_item':
    case 'add_to_cart':
    case 'like':
    case 'share':
    case 'wish_submit': {
      const { productId } = payload as FanshopEventPayloads['view_item' | 'like' | 'share' | 'wish_submit'];
      return { type: SINGLE[name as keyof typeof SINGLE], at, productIds: [productId] };
    }
    case 'begin_checkout':
    case 'purchase':
      return { type: name, at, productIds: productsOf((payload as FanshopEventPayloads['begin_checkout']).items) };
    case 'search': {
      const { query, resultCount } = payload as FanshopEventPayloads['search'];
      const text = query.trim();
      return text ? { type: 'search', at, query: text, results: resultCount } : null;
    }
    default:
      return null;
  }
}
