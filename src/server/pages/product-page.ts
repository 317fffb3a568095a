import { comingSoon } from '../../core/catalog/availability';
import type { Catalog, Product } from '../../core/catalog/types';
import { productOffer } from '../../core/catalog/offer';
import { paragraphs } from '../../core/catalog/paragraphs';
import { basePath, catalogAssetUrl } from '../../core/catalog/product-urls';
import { formatMoney } from '../../core/money/money';
import { html, page, type Html } from './html';
import type { PageLanguage } from './page-locale';
import { pageMessages } from './page-messages';
import { pageTexts, productHeadTags } from './product-meta';
import type { ProductReviews } from '../reviews/product-reviews';
import { reviewsSection } from './reviews-section';

/**
 * `/p/<id>`: a product's own page, the address shares point to. Crawlers (Facebook's, search
 * engines') read its <head> (product-meta.ts); people without JavaScript read the product in its
 * body; everyone else gets the shop opened at the product. The readable product sits inside the
 * widget's own <div>: the widget renders into a shadow root on that div, so once it mounts the
 * div's own children are no longer shown, and until then (or without JavaScript) they are.
 * The server also sends the widget's own product view in a declarative shadow root
 * (`firstView`, pages/first-view.ts): browsers that support it (Chromium, Safari 16.4+,
 * Firefox 123+) show that at once, with or without JavaScript, and not the div's children (the
 * shadow root has no slot); the plain copy stays for readers that do not (older browsers,
 * crawlers and reader modes that read the light DOM), a few hundred bytes gzip.
 * A pure function of its inputs, so `fanshop pages` writes the same HTML the server sends.
 */
export interface ProductPageInput {
  readonly catalog: Catalog;
  readonly product: Product;
  readonly language: PageLanguage;
  /** Where the shop lives, for absolute URLs: the catalog's `shop.baseUrl` or an override. */
  readonly baseUrl: string;
  /** The widget's product view as HTML in its shadow root (pages/first-view.ts), from the server. */
  readonly firstView?: Html | undefined;
  /** The product's published reviews (reviews/product-reviews.ts), when it has any. */
  readonly reviews?: ProductReviews | undefined;
}

/** The page's own stylesheet (public/product-page.css), for the no-JavaScript view. */
const STYLESHEET = '/product-page.css';

export function productPage({ catalog, product, language, baseUrl, firstView, reviews }: ProductPageInput): string {
  const texts = pageTexts(catalog, language);
  const t = pageMessages[language];
  const root = basePath(baseUrl);
  const title = texts.text(product.title);
  const shopName = texts.text(catalog.shop.name);
  const offer = productOffer(product);
  const money = (amount: number) => formatMoney({ amount, currency: catalog.shop.currency }, language);
  const image = product.images[0];

  const price = offer.priceVaries ? t.from(money(offer.price)) : money(offer.price);
  const was = offer.compareAtPrice === undefined ? '' : html` <del><span class="visually-hidden">${t.wasPrice} </span>${money(offer.compareAtPrice)}</del>`;
  const description = paragraphs(texts.text(product.description)).map((p) => html`\n          <p>${p}</p>`);
  const options = product.options.map(
    (option) => html`\n            <div><dt>${texts.text(option.name)}</dt><dd>${option.values.map((v) => texts.text(v.label)).join(', ')}</dd></div>`,
  );

  const body = html`    <main class="product-page">
      <div data-fanshop data-product="${product.id}" data-heading-level="1">${firstView ?? ''}
        <article class="product">
${image ? html`          <img src="${imageSrc(image.src, baseUrl)}" alt="${texts.text(image.alt)}" width="${image.width}" height="${image.height}">\n` : ''}          <div class="product-text">
          <p class="shop-name"><a href="${root}/shop">${shopName}</a></p>
          <h1>${title}</h1>
          <p class="price"><strong>${price}</strong>${was}</p>
          <p class="availability ${offer.inStock ? 'in-stock' : 'sold-out'}">${offer.inStock ? t.inStock : comingSoon(product) ? t.comingSoon : t.soldOut}</p>${description}
${options.length ? html`          <dl class="options">${options}\n          </dl>\n` : ''}${reviews ? reviewsSection(reviews, language) : ''}          <p><a href="${root}/shop">${t.allProducts}</a></p>
          </div>
        </article>
      </div>
    </main>
    <script src="${root}/fanshop.js" data-catalog="${root}/catalog.json" async></script>`;

  return page({
    title: `${title} – ${shopName}`,
    lang: language,
    head: productHeadTags(catalog, product, texts, baseUrl, reviews),
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
    head: html`<meta name="robots" content="noindex">`,
    body: html`    <main class="product-page message-page">
      <h1>${m.heading}</h1>
      <p>${m.text}</p>${m.link ? html`\n      <p><a href="${m.link.href}">${m.link.text}</a></p>` : ''}
    </main>`,
  });
}
