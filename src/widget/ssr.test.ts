import { describe, expect, it } from 'vitest';
import { ENVELOPE_FORMAT } from '../core/catalog/envelope';
import { parseCatalog } from '../core/catalog/parse';
import type { Catalog, Product } from '../core/catalog/types';
import { renderFirstView } from './ssr';
import demoCatalog from '../../public/catalog.json';

/** The demo catalog, parsed as the server parses it. */
function demo(edit: (catalog: Catalog) => Catalog = (c) => c): Catalog {
  const result = parseCatalog(demoCatalog);
  if (!result.ok) throw new Error('the demo catalog does not parse');
  return edit(result.catalog);
}

const catalogUrl = 'https://shop.example/catalog.json';
const envelope = (catalog: Catalog) => ({ format: ENVELOPE_FORMAT, catalog, warnings: [] }) as const;
const cardCount = (html: string) => html.match(/<article class="card"/g)?.length ?? 0;

describe('renderFirstView (the server-rendered first view)', () => {
  it('renders the widget’s grid in English: title, toolbar, every card with its price and Add to cart', async () => {
    const { html, locale, product } = await renderFirstView({ envelope: envelope(demo()), catalogUrl, pageLang: 'en', headingLevel: 1 });
    expect(locale).toBe('en');
    expect(product).toBeNull();
    expect(html).toMatch(/^<section class="root" part="root" lang="en" data-scheme="light" aria-label="Nordlicht Supply shop"/);
    expect(html).toContain('<h1 class="shop-title" part="title">Nordlicht Supply</h1>');
    expect(html).toContain('<p class="count" part="count" aria-live="polite">31 products</p>');
    expect(cardCount(html)).toBe(31);
    expect(html).toContain('<h2 class="card-title" part="card-title" id="title-decaf-colombia-huila"><a href="#/p/decaf-colombia-huila" data-product-link="true">Decaf Colombia Huila</a></h2>');
    expect(html).toContain('<span class="price-now" part="price-now">€13.90</span>');
    expect(html).toMatch(/aria-describedby="title-decaf-colombia-huila">Add to cart<\/button>/);
    // The Cart button is there, at 0, so nothing moves when the saved cart comes back.
    expect(html).toContain('<span class="badge" part="cart-count" aria-label="0 items">0</span>');
    // Images are absolute against the catalog's URL, as the widget makes them.
    expect(html).toContain('src="https://shop.example/images/decaf-colombia.svg"');
    // Like and Share depend on the device: their boxes come after hydration, not from the server.
    expect(html).not.toContain('like-button');
  });

  it('renders a coming-soon product as the widget does: "Coming soon" on its card, Notify me on its card and in its view', async () => {
    const soon = (c: Catalog): Catalog => ({ ...c, products: c.products.map((p) => (p.id === 'stoneware-teapot' ? { ...p, availability: 'coming_soon' } : p)) });
    const grid = (await renderFirstView({ envelope: envelope(demo(soon)), catalogUrl, pageLang: 'en' })).html;
    const card = grid.slice(grid.indexOf('<article class="card" part="card" data-product-id="stoneware-teapot"'));
    expect(card.slice(0, card.indexOf('</article>'))).toMatch(/<span class="badge-label sold-out" part="badge">Coming soon<\/span>[\s\S]*part="button notify-me" aria-describedby="title-stoneware-teapot">Notify me<\/button>/);
    // A sold-out one says so, and takes an email too.
    expect(grid).toMatch(/part="badge">Sold out<\/span>[\s\S]*?aria-describedby="title-enamel-mug-limited">Notify me<\/button>/);
    const view = (await renderFirstView({ envelope: envelope(demo(soon)), catalogUrl, pageLang: 'de', product: 'stoneware-teapot' })).html;
    expect(view).toContain('<p class="stock-note" part="stock-note">Demnächst</p>');
    expect(view).toContain('part="button notify-me" aria-expanded="false">Benachrichtigen</button>');
    expect(view).not.toContain('In den Warenkorb</button></div>');
  });

  it('speaks German with German prices for a German page', async () => {
    const { html, locale } = await renderFirstView({ envelope: envelope(demo()), catalogUrl, pageLang: 'de' });
    expect(locale).toBe('de');
    expect(html).toContain('lang="de"');
    expect(html).toContain('In den Warenkorb');
    expect(html).toContain('31 Produkte');
    expect(html.replace(/\u00a0/g, ' ')).toContain('13,90 €');
    expect(html).toContain('<span>Warenkorb</span>');
  });

  it('follows data-locale over the page’s language, as the widget does', async () => {
    const { locale, html } = await renderFirstView({ envelope: envelope(demo()), catalogUrl, pageLang: 'en', locale: 'de-AT' });
    expect(locale).toBe('de-AT');
    expect(html).toContain('lang="de-AT"');
  });

  it('escapes the merchant’s text: a title or shop name cannot open an element', async () => {
    const hostile = `</template><script>alert(1)</script> "quoted" & 'single' <b>`;
    const catalog = demo((c) => ({
      ...c,
      shop: { ...c.shop, name: { en: hostile } },
      products: c.products.map((p, i) => (i === 0 ? { ...p, title: { en: hostile } } : p)),
    }));
    const { html } = await renderFirstView({ envelope: envelope(catalog), catalogUrl, pageLang: 'en' });
    expect(html).not.toMatch(/<script|<b>|<\/template/);
    // Text and attributes escape `<` and `&` (and `"` in attributes): preact-render-to-string.
    expect(html).toContain(`&lt;/template>&lt;script>alert(1)&lt;/script> &quot;quoted&quot; &amp; 'single' &lt;b>`);
    expect(html).toContain(`aria-label="&lt;/template>&lt;script>alert(1)&lt;/script> &quot;quoted&quot; &amp; 'single' &lt;b> shop"`);
  });

  it('renders a big catalog’s first page (48 of 150) with Show more, as the widget’s grid does', async () => {
    const catalog = demo();
    const many: Product[] = Array.from({ length: 150 }, (_, i) => ({ ...catalog.products[i % catalog.products.length]!, id: `item-${i}` }));
    const first = { ...envelope({ ...catalog, products: many.slice(0, 48) }), paged: { total: 150, categories: {}, endpoint: '/api/products' } };
    const { html } = await renderFirstView({ envelope: first, catalogUrl, pageLang: 'en' });
    expect(cardCount(html)).toBe(48);
    expect(html).toContain('150 products');
    expect(html).toContain('Show more (102 more)');
    expect(html).toContain('data-product-id="item-47"');
    expect(html).not.toContain('data-product-id="item-48"');
  });

  it('renders a product page’s view over the hidden grid, with the Like and Share row’s icons in its place', async () => {
    const { html, product } = await renderFirstView({ envelope: envelope(demo()), catalogUrl, pageLang: 'en', product: 'nordlicht-hoodie', headingLevel: 1 });
    expect(product).toBe('nordlicht-hoodie');
    expect(html).toContain('<div class="browse" hidden>');
    expect(html).toMatch(/<article class="detail" part="detail" data-detail="true" data-product-id="nordlicht-hoodie">/);
    expect(html).toContain('<h1 class="detail-title" part="detail-title" tabindex="-1">Nordlicht hoodie</h1>');
    // Its icons, inert: the buttons depend on the shopper's device (saved likes, share sheet).
    expect(html).toMatch(/<div class="social" part="social" data-placeholder="true" aria-hidden="true"><span class="icon-button"><svg[^>]*>/);
    expect(html).not.toContain('part="like-button"');
  });

  it('renders the grid for a product it was not sent (a big catalog’s product beyond the first page)', async () => {
    const { html, product } = await renderFirstView({ envelope: envelope(demo()), catalogUrl, pageLang: 'en', product: 'no-such-product' });
    expect(product).toBeNull();
    expect(html).not.toContain('data-detail');
  });
});
