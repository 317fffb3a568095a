import type { Catalog, Product } from '../../core/catalog/types';
import { localize } from '../../core/catalog/localize';
import { productOffer } from '../../core/catalog/offer';
import { catalogAssetUrl, productPageUrl } from '../../core/catalog/product-urls';
import { decimalAmount } from '../../core/money/decimal';
import { html, scriptJson, type Html } from './html';
import { OG_LOCALES, PAGE_LANGUAGES, type PageLanguage } from './page-locale';
import type { ProductReviews } from '../reviews/product-reviews';
import { pageMessages } from './page-messages';

/**
 * What crawlers read in a product page's <head>: Open Graph with Facebook's product tags, a
 * Twitter card and schema.org JSON-LD. Every URL in it is absolute (crawlers read tags out of
 * context). Prices follow Meta's convention, the one its catalog feed uses too: `price` is the
 * regular price and `sale_price` what the shopper pays while the product is on sale; Meta checks
 * a page against the feed. https://developers.facebook.com/docs/sharing/webmasters/
 */

/** The catalog's notion of a text, for a page: localized to the page's language. */
export interface PageTexts {
  readonly language: PageLanguage;
  readonly text: (value: Readonly<Record<string, string>>) => string;
}

export function pageTexts(catalog: Catalog, language: PageLanguage): PageTexts {
  return { language, text: (value) => localize(value, language, catalog.shop.defaultLocale) };
}

const DESCRIPTION_LENGTH = 200;

/**
 * A preview's description: the first paragraph, cut on a word boundary near 200 characters.
 * @example previewDescription('One two three.\n\nMore.') // "One two three."
 */
export function previewDescription(description: string, max = DESCRIPTION_LENGTH): string {
  const first = (description.split(/\n\s*\n/).find((p) => p.trim()) ?? '').replace(/\s+/g, ' ').trim();
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

const meta = (attribute: 'property' | 'name', key: string, content: string) => html`<meta ${attribute}="${key}" content="${content}">`;

/** The <head> tags of a product's page, one per line, in the order crawlers meet them. */
export function productHeadTags(catalog: Catalog, product: Product, texts: PageTexts, baseUrl: string, reviews?: ProductReviews): Html {
  const { shop } = catalog;
  const url = productPageUrl(baseUrl, product.id);
  const title = texts.text(product.title);
  const description = previewDescription(texts.text(product.description)) || title;
  const shopName = texts.text(shop.name);
  const image = product.images[0];
  const imageUrl = image ? catalogAssetUrl(image.src, baseUrl) : undefined;
  const offer = productOffer(product);
  const amount = (minor: number) => decimalAmount({ amount: minor, currency: shop.currency });
  const availability = offer.inStock ? 'in stock' : 'out of stock';

  const tags = [
    meta('name', 'description', description),
    html`<link rel="canonical" href="${url}">`,
    meta('property', 'og:type', 'product'),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
    meta('property', 'og:site_name', shopName),
    meta('property', 'og:locale', OG_LOCALES[texts.language]),
    ...PAGE_LANGUAGES.filter((l) => l !== texts.language).map((l) => meta('property', 'og:locale:alternate', OG_LOCALES[l])),
  ];
  if (image && imageUrl) {
    tags.push(
      meta('property', 'og:image', imageUrl),
      meta('property', 'og:image:width', String(image.width)),
      meta('property', 'og:image:height', String(image.height)),
      meta('property', 'og:image:alt', texts.text(image.alt)),
    );
  }
  tags.push(
    meta('property', 'product:price:amount', amount(offer.compareAtPrice ?? offer.price)),
    meta('property', 'product:price:currency', shop.currency),
  );
  if (offer.compareAtPrice !== undefined) {
    tags.push(meta('property', 'product:sale_price:amount', amount(offer.price)), meta('property', 'product:sale_price:currency', shop.currency));
  }
  tags.push(
    meta('property', 'product:availability', availability),
    // The catalog format has no condition: a shop's goods are new.
    meta('property', 'product:condition', 'new'),
    // ... nor a brand: the shop is the brand (Meta wants one, or a GTIN).
    meta('property', 'product:brand', shopName),
    meta('property', 'product:retailer_item_id', product.id),
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', title),
    meta('name', 'twitter:description', description),
  );
  if (image && imageUrl) tags.push(meta('name', 'twitter:image', imageUrl), meta('name', 'twitter:image:alt', texts.text(image.alt)));

  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: title,
    description: texts.text(product.description).trim() || title,
    url,
    sku: product.id,
    productID: product.id,
    image: product.images.map((img) => catalogAssetUrl(img.src, baseUrl)),
    brand: { '@type': 'Brand', name: shopName },
    offers: {
      '@type': 'Offer',
      url,
      price: amount(offer.price),
      priceCurrency: shop.currency,
      availability: offer.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      itemCondition: 'https://schema.org/NewCondition',
      seller: { '@type': 'Organization', name: shopName },
    },
    ...(reviews ? reviewsJsonLd(reviews, texts.language) : {}),
  };
  tags.push(html`<script type="application/ld+json">${scriptJson(jsonLd)}</script>`);
  return html`${tags.map((tag, i) => (i ? html`\n    ${tag}` : tag))}`;
}

/**
 * A product's reviews in its JSON-LD: `aggregateRating` (ratingValue and ratingCount, on a scale
 * of 1 to 5) and the newest `review`s, each with the fields Google requires of a review nested
 * in a product (author with a name, reviewRating with its ratingValue) and those it recommends
 * (datePublished, reviewBody). A review signed with no name is by a "Verified buyer".
 * https://developers.google.com/search/docs/appearance/structured-data/review-snippet
 */
export function reviewsJsonLd(reviews: ProductReviews, language: PageLanguage) {
  const scale = { bestRating: 5, worstRating: 1 };
  return {
    aggregateRating: { '@type': 'AggregateRating', ratingValue: reviews.aggregate.average, ratingCount: reviews.aggregate.count, ...scale },
    review: reviews.latest.map((r) => ({
      '@type': 'Review',
      author: { '@type': 'Person', name: r.name ?? pageMessages[language].verifiedBuyer },
      datePublished: r.createdAt.slice(0, 10),
      reviewRating: { '@type': 'Rating', ratingValue: r.rating, ...scale },
      ...(r.text ? { reviewBody: r.text } : {}),
      inLanguage: r.language,
    })),
  };
}
