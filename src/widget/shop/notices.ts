import type { Notice, ShopStore } from './store';

/**
 * Messages for the shopper: the live region's latest, and notices that stay until dismissed.
 * Only the parts after the first view say anything (the cart, likes, the way back from Stripe),
 * so this is not in the first view's bytes (scripts/size.mjs).
 */
let nextNoticeId = 1;

export function announce(store: ShopStore, text: string): void {
  store.setState({ announcement: { id: nextNoticeId++, text } });
}

/** Each a text, or a text with a link to offer (`action`: "Rate what you bought"). */
export function addNotices(store: ShopStore, texts: readonly (string | Omit<Notice, 'id'>)[]): void {
  if (!texts.length) return;
  store.setState((s) => ({ notices: [...s.notices, ...texts.map((n) => ({ id: nextNoticeId++, ...(typeof n === 'string' ? { text: n } : n) }))] }));
}

export function dismissNotice(store: ShopStore, id: number): void {
  store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
