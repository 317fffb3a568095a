import { localize } from '../../core/catalog/localize';
import type { Product, ProductVariant } from '../../core/catalog/types';
import { money, toMajorUnits } from '../../core/money';
import { addLine, cartSubtotal, removeLine, setLineQuantity, type CartLine } from '../cart/store';
import { availableUnits } from '../../core/catalog/availability';
import { findVariant } from '../../core/catalog/find-variant';
import type { FanshopCartPayload, FanshopItemPayload } from '../social/events';
import type { Shop } from './context';
import type { Messages } from '../i18n/messages';
import { announce } from './notices';
import { requestHostScroll } from '../frame/host-scroll';

/** The shopper's actions: each changes a store, tells the host page, and says what happened. */

/** Announces a message from the labels that arrive after the first view (Shop.more). */
function say(shop: Shop, message: (t: Messages) => string): void {
  void shop.more.load().then((t) => announce(shop.store, message(t)));
}

export function productTitle(shop: Shop, product: Product): string {
  return localize(product.title, shop.locale, shop.store.getState().catalog!.shop.defaultLocale);
}

function currency(shop: Shop): string {
  return shop.store.getState().catalog!.shop.currency;
}

export function itemPayload(shop: Shop, productId: string, variantId: string | null, quantity: number, unitPrice: number): FanshopItemPayload {
  const c = currency(shop);
  return { productId, variantId, quantity, value: toMajorUnits(money(unitPrice * quantity, c)), currency: c };
}

export function addToCart(shop: Shop, product: Product, variant: ProductVariant | undefined, quantity: number): boolean {
  const title = productTitle(shop, product);
  const unitPrice = variant ? variant.price : product.price;
  const result = addLine(
    shop.cart,
    { productId: product.id, variantId: variant?.id ?? null, unitPrice, title, available: availableUnits(product, variant) },
    quantity,
    shop.limits,
  );
  if (!result.ok) {
    say(shop, (t) => (result.reason === 'full' ? t.cartFull(result.limit) : t.limitReached(result.limit)));
    return false;
  }
  say(shop, (t) => t.added(title));
  shop.events.emit('add_to_cart', itemPayload(shop, product.id, variant?.id ?? null, result.added, unitPrice));
  return true;
}

export function removeFromCart(shop: Shop, line: CartLine): void {
  const removed = removeLine(shop.cart, line.productId, line.variantId);
  if (!removed) return;
  say(shop, (t) => t.removed(line.title));
  shop.events.emit('remove_from_cart', itemPayload(shop, line.productId, line.variantId, removed.quantity, removed.unitPrice));
}

/** The most units of a line the shopper may hold: the stock and the configured limit. */
export function lineLimit(shop: Shop, line: CartLine): number {
  const product = shop.store.getState().catalog?.products.find((p) => p.id === line.productId);
  const available = product ? availableUnits(product, findVariant(product, line.variantId)) : line.quantity;
  return Math.min(shop.limits.maxQuantity, available);
}

export function changeQuantity(shop: Shop, line: CartLine, quantity: number): void {
  if (quantity <= 0) return removeFromCart(shop, line);
  const limit = lineLimit(shop, line);
  const next = setLineQuantity(shop.cart, line.productId, line.variantId, quantity, limit);
  if (quantity > limit) say(shop, (t) => t.limitReached(limit));
  const delta = next - line.quantity;
  if (delta > 0) shop.events.emit('add_to_cart', itemPayload(shop, line.productId, line.variantId, delta, line.unitPrice));
  if (delta < 0) shop.events.emit('remove_from_cart', itemPayload(shop, line.productId, line.variantId, -delta, line.unitPrice));
}

/** Payment Links mode: "Buy now" starts a checkout of this one product on Stripe's page. */
export function buyNow(shop: Shop, product: Product): void {
  const item = itemPayload(shop, product.id, null, 1, product.price);
  shop.events.emit('begin_checkout', { value: item.value, currency: item.currency, items: [item] });
}

/** The cart as events tell it (view_cart, begin_checkout). */
export function cartPayload(shop: Shop): FanshopCartPayload {
  const state = shop.cart.getState();
  const c = currency(shop);
  return {
    value: toMajorUnits(cartSubtotal(state, c)),
    currency: c,
    items: state.lines.map((l) => itemPayload(shop, l.productId, l.variantId, l.quantity, l.unitPrice)),
  };
}

export function openCart(shop: Shop): void {
  shop.store.setState({ cartOpen: true });
  requestHostScroll();
  shop.events.emit('view_cart', cartPayload(shop));
}

export function closeCart(shop: Shop): void {
  shop.store.setState({ cartOpen: false });
}
