import type { Catalog, Product } from '../../core/catalog/types';
import { productOffer } from '../../core/catalog/offer';
import { basePath, catalogAssetUrl } from '../../core/catalog/product-urls';
import { formatMoney } from '../../core/money/money';
import { escapeHtml, page } from './html';
import type { PageLanguage } from './page-locale';
import { pageMessages } from './page-messages';
import { pageTexts, productHeadTags } from './product-meta';

/**
 * `/p/<id>`: a product's own page, the address shares point to. Crawlers (Facebook's, search
 * engines') read its <head> (product-meta.ts); people without JavaScript read the product in its
 * body; everyone else gets the shop opened at the product. The readable product sits inside the
 * widget's own <div>: the widget renders into a shadow root on that div, so once it mounts the
 * div's own children are no longer shown, and until then (or without JavaScript) they are.
 * A pure function of its inputs, so `fanshop pages` writes the same HTML the server sends.
 */
export interface ProductPageInput {
  readonly catalog: Catalog;
  readonly product: Product;
  readonly language: PageLanguage;
  /** Where the shop lives, for absolute URLs: the catalog's `shop.baseUrl` or an override. */
  readonly baseUrl: string;
}

/** The page's own stylesheet (public/product-page.css), for the no-JavaScript view. */
const STYLESHEET = '/product-page.css';

export function productPage({ catalog, product, language, baseUrl }: ProductPageInput): string {
  const texts = pageTexts(catalog, language);
  const t = pageMessages[language];
  const root = basePath(baseUrl);
  const title = texts.text(product.title);
  const shopName = texts.text(catalog.shop.name);
  const offer = productOffer(product);
  const money = (amount: number) => escapeHtml(formatMoney({ amount, currency: catalog.shop.currency }, language));
  const image = product.images[0];

  const price = offer.priceVaries ? escapeHtml(t.from(formatMoney({ amount: offer.price, currency: catalog.shop.currency }, language))) : money(offer.price);
  const was = offer.compareAtPrice === undefined ? '' : ` <del><span class="visually-hidden">${escapeHtml(t.wasPrice)} </span>${money(offer.compareAtPrice)}</del>`;
  const paragraphs = texts
    .text(product.description)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `          <p>${escapeHtml(p)}</p>`);
  const options = product.options.map(
    (option) =>
      `            <div><dt>${escapeHtml(texts.text(option.name))}</dt><dd>${option.values.map((v) => escapeHtml(texts.text(v.label))).join(', ')}</dd></div>`,
  );

  const body = `    <main class="product-page">
      <div data-fanshop data-product="${escapeHtml(product.id)}" data-heading-level="1">
        <article class="product">
${image ? `          <img src="${escapeHtml(imageSrc(image.src, baseUrl))}" alt="${escapeHtml(texts.text(image.alt))}" width="${image.width}" height="${image.height}">\n` : ''}          <div class="product-text">
          <p class="shop-name"><a href="${escapeHtml(root)}/shop">${escapeHtml(shopName)}</a></p>
          <h1>${escapeHtml(title)}</h1>
          <p class="price"><strong>${price}</strong>${was}</p>
          <p class="availability ${offer.inStock ? 'in-stock' : 'sold-out'}">${escapeHtml(offer.inStock ? t.inStock : t.soldOut)}</p>
${paragraphs.join('\n')}
${options.length ? `          <dl class="options">\n${options.join('\n')}\n          </dl>\n` : ''}          <p><a href="${escapeHtml(root)}/shop">${escapeHtml(t.allProducts)}</a></p>
          </div>
        </article>
      </div>
    </main>
    <script src="${escapeHtml(root)}/fanshop.js" data-catalog="${escapeHtml(root)}/catalog.json" async></script>`;

  return page({
    title: `${title} – ${shopName}`,
    lang: language,
    head: productHeadTags(catalog, product, texts, baseUrl),
    css: [`${root}${STYLESHEET}`],
    body,
  });
}

/**
 * An image in the page body: root-relative when it lives under the shop's base URL, so it loads
 * from whichever host serves the page (and the CSP's `img-src 'self'` allows it).
 */
function imageSrc(src: string, baseUrl: string): string {
  const absolute = new URL(catalogAssetUrl(src, baseUrl));
  return absolute.origin === new URL(baseUrl).origin ? `${absolute.pathname}${absolute.search}` : absolute.href;
}

/** The 404 of `/p/<unknown>`: a sentence and the way to the shop. */
export function productNotFoundPage(options: { language: PageLanguage; shopName?: string; baseUrl?: string }): string {
  const t = pageMessages[options.language];
  const root = options.baseUrl ? basePath(options.baseUrl) : '';
  const title = options.shopName ? `${t.notFoundTitle} – ${options.shopName}` : t.notFoundTitle;
  return messagePage({ language: options.language, root, title, heading: t.notFoundTitle, text: t.notFoundText, link: { href: `${root}/shop`, text: t.allProducts } });
}

/** The 503 when the catalog cannot be read or is broken: nothing to show, try again soon. */
export function shopUnavailablePage(options: { language: PageLanguage }): string {
  const t = pageMessages[options.language];
  return messagePage({ language: options.language, root: '', title: t.unavailableTitle, heading: t.unavailableTitle, text: t.unavailableText });
}

function messagePage(m: { language: PageLanguage; root: string; title: string; heading: string; text: string; link?: { href: string; text: string } }): string {
  return page({
    title: m.title,
    lang: m.language,
    css: [`${m.root}${STYLESHEET}`],
    head: '<meta name="robots" content="noindex">',
    body: `    <main class="product-page message-page">
      <h1>${escapeHtml(m.heading)}</h1>
      <p>${escapeHtml(m.text)}</p>${m.link ? `\n      <p><a href="${escapeHtml(m.link.href)}">${escapeHtml(m.link.text)}</a></p>` : ''}
    </main>`,
  });
}
