// @vitest-environment happy-dom
import { h, render, type ComponentChild } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../core/catalog/parse';
import { createCartStore } from '../cart/state';
import { resolveConfig } from '../config';
import en from '../i18n/en';
import enMore from '../i18n/en-more';
import type { Messages } from '../i18n/messages';
import { createEventBus, type FanshopRecommendationPayload, type FanshopWishPayload } from '../social/events';
import { ShopContext, type Shop } from '../shop/context';
import type { Recommended } from '../shop/recommendations';
import { catalogReadyState, createShopStore } from '../shop/store';
import { CartRowView, ProductRowsView } from './Recommendations';
import { WishForm } from './WishForm';

/** The rows and the Notify me form as a shopper meets them, rendered with Preact into happy-dom. */
const parsed = parseCatalog({
  shop: { id: 'fans', name: 'Fans', currency: 'EUR', defaultLocale: 'en', baseUrl: 'https://shop.example' },
  products: [
    { id: 'mug', title: 'Mug', price: 1490, images: [{ src: 'https://shop.example/mug.png', width: 800, height: 800 }] },
    { id: 'tee', title: 'Tee', price: 2900, options: [{ id: 'size', name: 'Size', values: ['S'] }], variants: [{ id: 'tee-s', options: { size: 'S' } }] },
    { id: 'hoodie', title: 'Hoodie', price: 5900, availability: 'coming_soon' },
  ],
});
if (!parsed.ok) throw new Error('test catalog is invalid');
const catalog = parsed.catalog;
const byId = (id: string) => catalog.products.find((p) => p.id === id)!;

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

function mount(node: ComponentChild) {
  const store = createShopStore();
  store.setState(catalogReadyState({ catalog, served: true }));
  const opened: string[] = [];
  const told: { name: string; payload: FanshopRecommendationPayload | FanshopWishPayload }[] = [];
  const t = { ...en, ...enMore } as Messages;
  const shop = {
    config: resolveConfig({ catalog: 'https://shop.example/catalog.json' }),
    t,
    more: { get: () => t, load: async () => t },
    locale: 'en',
    language: 'en',
    store,
    cart: createCartStore(),
    events: createEventBus(new EventTarget(), { onEvent: (name: never, payload: never) => void told.push({ name, payload }) }),
    router: { open: (id: string) => void opened.push(id), close() {}, stop() {} },
    limits: { maxQuantity: 99, maxLines: 50 },
    root: document,
    disposers: [],
  } as unknown as Shop;
  root = document.createElement('div');
  document.body.append(root);
  render(h(ShopContext.Provider, { value: shop }, node), root);
  return { root, shop, opened, told };
}

const click = (el: Element | null | undefined) => el!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('ProductRowsView', () => {
  it('shows a titled row of small cards linked to their views, and no row where there is nothing', async () => {
    const rows = { alsoLiked: [{ product: byId('mug'), source: 'likes' }, { product: byId('tee'), source: 'category' }] as Recommended[], boughtTogether: [] };
    const { root, opened, told } = mount(h(ProductRowsView, { rows }));
    const sections = root.querySelectorAll('section[part="recommendations"]');
    expect(sections).toHaveLength(1);
    const section = sections[0]!;
    expect(section.querySelector('h3')?.textContent).toBe('Fans who liked this also liked');
    expect(section.getAttribute('aria-labelledby')).toBe(section.querySelector('h3')?.id);
    expect([...section.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Mug€14.90', 'Tee€29.00']);
    const link = section.querySelector<HTMLAnchorElement>('a[href="#/p/mug"]');
    expect(link?.querySelector('img')?.getAttribute('alt')).toBe('');
    // No Add to cart in the product view's rows.
    expect(section.querySelectorAll('button')).toHaveLength(0);
    click(link);
    expect(opened).toEqual(['mug']);
    expect(told).toEqual([{ name: 'recommendation_click', payload: { productId: 'mug', source: 'likes', from: 'also_liked' } }]);
  });
});

describe('CartRowView', () => {
  it('adds a product without options from the row, and sends one with options to its view', async () => {
    const { root, shop, opened, told } = mount(h(CartRowView, { items: [{ product: byId('mug'), source: 'orders' }, { product: byId('tee'), source: 'likes' }] }));
    expect(root.querySelector('h3')?.textContent).toBe('You may also like');
    const mug = root.querySelector('[data-product-id="mug"]')!;
    const add = mug.querySelector('button')!;
    expect(add.textContent).toBe('Add to cart');
    expect(add.getAttribute('aria-describedby')).toBe(mug.querySelector('.rec-title')?.id);
    expect(root.querySelector('[data-product-id="tee"] button')).toBeNull();
    click(add);
    await settle();
    expect(shop.cart.getState().lines.map((l) => [l.productId, l.quantity])).toEqual([['mug', 1]]);
    expect(told.filter((e) => e.name === 'recommendation_click')).toEqual([{ name: 'recommendation_click', payload: { productId: 'mug', source: 'orders', from: 'cart' } }]);
    click(root.querySelector('a[href="#/p/tee"]'));
    expect(opened).toEqual(['tee']);
  });
});

describe('WishForm', () => {
  it('says what is wrong with a typo next to the field, keeps what was typed and sends nothing', async () => {
    const { root, told } = mount(h(WishForm, { product: byId('hoodie'), variant: undefined }));
    await settle();
    const input = root.querySelector<HTMLInputElement>('input[type="email"]')!;
    expect(root.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Your email');
    expect(root.querySelector('.wish-note')?.textContent).toBe('We’ll email you once when “Hoodie” is available. Nothing else. You can unsubscribe with one click.');
    expect(document.activeElement).toBe(input);
    input.value = 'fan@example';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('Enter an email address such as name@example.com.');
    expect(input.value).toBe('fan@example');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(`${alert!.id} ${root.querySelector('.wish-note')!.id}`);
    expect(told).toEqual([]);
  });
});
