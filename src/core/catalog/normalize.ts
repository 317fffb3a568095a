import type { Catalog, LocalizedText, Product, ProductOptionValue, ProductVariant } from './types';
import type { CatalogFile, ProductFile } from './schema';

/**
 * Turns a checked catalog file into domain types, filling in every default the format
 * promises, so that nothing downstream has to know the file's shorthands. This is the one
 * place where file shape becomes shop vocabulary (like `reshapeProduct` in vercel/commerce).
 */

type Text = string | Readonly<Record<string, string>>;
type Localize = (text: Text) => LocalizedText;

/** Used when a product has no `createdAt`: sorts it last under "Newest". */
export const UNKNOWN_CREATED_AT = '1970-01-01T00:00:00Z';

/**
 * A date becomes midnight UTC and a date-time without an offset is read as UTC, so the
 * "Newest" order is the same on every shopper's machine (Date.parse would use local time).
 * `+0100` becomes `+01:00`: only the latter is in ECMAScript's date format, which every
 * engine's Date.parse must accept (https://tc39.es/ecma262/#sec-date-time-string-format).
 */
function normalizeCreatedAt(value: string | undefined): string {
  if (value === undefined) return UNKNOWN_CREATED_AT;
  if (value.length === 10) return `${value}T00:00:00Z`;
  const offset = value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  return /(?:Z|[+-]\d\d:\d\d)$/.test(offset) ? offset : `${offset}Z`;
}

/**
 * The catalog the shop runs on.
 * @example normalizeCatalog(file).products[0].title // { en: 'Mug' } for "title": "Mug"
 */
export function normalizeCatalog(file: CatalogFile): Catalog {
  const locale = file.shop.defaultLocale;
  const localize: Localize = (text) => (typeof text === 'string' ? { [locale]: text } : text);
  return {
    shop: {
      id: file.shop.id,
      name: localize(file.shop.name),
      currency: file.shop.currency,
      defaultLocale: locale,
      baseUrl: file.shop.baseUrl.replace(/\/+$/, ''),
      paymentLinks: file.products.some((product) => product.paymentLink !== undefined),
    },
    categories: (file.categories ?? []).map((c) => ({ id: c.id, title: localize(c.title) })),
    products: file.products.map((product, position) => normalizeProduct(product, position, localize, locale)),
  };
}

function normalizeProduct(product: ProductFile, position: number, localize: Localize, locale: string): Product {
  const title = localize(product.title);
  const variants = (product.variants ?? []).map(
    (variant): ProductVariant => ({
      id: variant.id,
      options: variant.options,
      price: variant.price ?? product.price,
      // A variant that keeps the product's price keeps its sale too; one with its own price
      // would otherwise show an old price that may sit below its new one.
      compareAtPrice: variant.compareAtPrice ?? (variant.price === undefined ? product.compareAtPrice : undefined),
      stock: variant.stock,
      sku: variant.sku,
      ...(variant.stripePriceId ? { stripePriceId: variant.stripePriceId } : {}),
    }),
  );
  const soldOut =
    product.availability === 'out_of_stock' ||
    (variants.length ? variants.every((variant) => variant.stock === 0) : product.stock === 0);
  return {
    id: product.id,
    title,
    description: product.description === undefined ? { [locale]: '' } : localize(product.description),
    // Without alt text the product title is the best description a screen reader can get.
    images: (product.images ?? []).map((image) => ({
      src: image.src,
      alt: image.alt === undefined ? title : localize(image.alt),
      width: image.width,
      height: image.height,
    })),
    price: product.price,
    compareAtPrice: product.compareAtPrice,
    options: (product.options ?? []).map((option) => ({
      id: option.id,
      name: localize(option.name),
      values: option.values.map(
        (value): ProductOptionValue =>
          typeof value === 'string'
            ? { id: value, label: { [locale]: value } }
            : {
                id: value.id,
                label: localize(value.label),
                swatch: value.swatch,
                ...(value.image !== undefined ? { imageIndex: (product.images ?? []).findIndex((image) => image.src === value.image) } : {}),
              },
      ),
    })),
    variants,
    stock: product.stock,
    // Coming soon is the merchant's word and outranks stock: not on sale whatever its numbers.
    availability: product.availability === 'coming_soon' ? 'coming_soon' : soldOut ? 'out_of_stock' : 'in_stock',
    categoryId: product.category,
    tags: product.tags ?? [],
    createdAt: normalizeCreatedAt(product.createdAt),
    ...(product.stripePriceId ? { stripePriceId: product.stripePriceId } : {}),
    ...(product.paymentLink ? { paymentLink: product.paymentLink } : {}),
    position,
  };
}
