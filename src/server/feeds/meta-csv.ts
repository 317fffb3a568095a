import type { Catalog, Product, ProductOption, ProductVariant } from '../../core/catalog/types';
import { availableUnits } from '../../core/catalog/availability';
import { localize } from '../../core/catalog/localize';
import { catalogAssetUrl, productPageUrl } from '../../core/catalog/product-urls';
import { decimalAmount } from '../../core/money/decimal';
import { csvDocument } from './csv';

/**
 * The catalog as a Meta Commerce Manager catalog feed (Facebook and Instagram Shops, Advantage+
 * catalog ads), in CSV: one row per product, or per variant with the product's id as
 * `item_group_id`. Field meanings and formats are Meta's:
 * https://developers.facebook.com/docs/commerce-platform/catalog/fields
 * - `price` is the regular price and `sale_price` the discounted one ("24.90 EUR", a dot, the
 *   ISO code): a catalog `compareAtPrice` is the regular price while `price` is the sale price.
 * - `availability` and `condition` are Meta's US English words; the catalog has no condition,
 *   so every item is `new`, and no brand, so the shop's name is the brand.
 * - `quantity_to_sell_on_facebook` is the stock when the catalog tracks it
 *   (https://developers.facebook.com/docs/commerce-platform/catalog/quantity-to-sell).
 * - Options that are a size or a colour fill Meta's `size` and `color`. Other options have no
 *   column Meta documents for CSV beyond doubt, so their values go into the variant's title,
 *   keeping two variants of a group from looking the same.
 */
export const META_FEED_COLUMNS = [
  'id',
  'title',
  'description',
  'availability',
  'condition',
  'price',
  'sale_price',
  'link',
  'image_link',
  'additional_image_link',
  'brand',
  'item_group_id',
  'size',
  'color',
  'quantity_to_sell_on_facebook',
] as const;

type Column = (typeof META_FEED_COLUMNS)[number];

/** Meta's limits: https://developers.facebook.com/docs/commerce-platform/catalog/fields */
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 9999;
const MAX_ADDITIONAL_IMAGES = 20;

const SIZE = /^(size|sizes|grö(ß|ss)e|groesse|taille|talla|maat)$/i;
const COLOUR = /^(colou?rs?|farbe|couleur|kleur)$/i;

/** Whether an option is a size or a colour: by its id, or its name in any language. */
function optionKind(option: ProductOption): 'size' | 'color' | null {
  const names = [option.id, ...Object.values(option.name)].map((n) => n.trim());
  if (names.some((n) => SIZE.test(n))) return 'size';
  if (names.some((n) => COLOUR.test(n))) return 'color';
  return null;
}

export interface MetaFeedOptions {
  /** Absolute base of links and images: the catalog's `shop.baseUrl` unless given. */
  readonly baseUrl?: string;
  /** Language of titles and descriptions; the catalog's default unless given. */
  readonly locale?: string;
}

/**
 * @example metaCatalogCsv(catalog) // "id,title,description,...\r\nmug,Mug,...\r\n"
 */
export function metaCatalogCsv(catalog: Catalog, options: MetaFeedOptions = {}): string {
  const baseUrl = (options.baseUrl ?? catalog.shop.baseUrl).replace(/\/+$/, '');
  const locale = options.locale ?? catalog.shop.defaultLocale;
  const text = (value: Readonly<Record<string, string>>) => localize(value, locale, catalog.shop.defaultLocale);
  const money = (amount: number) => `${decimalAmount({ amount, currency: catalog.shop.currency })} ${catalog.shop.currency}`;
  const brand = text(catalog.shop.name);

  const rows = catalog.products.flatMap((product) => {
    const title = text(product.title);
    const images = product.images.map((image) => catalogAssetUrl(image.src, baseUrl));
    const common: Partial<Record<Column, string>> = {
      // Meta refuses items without a description; the title is better than nothing.
      description: (text(product.description).trim() || title).slice(0, MAX_DESCRIPTION),
      condition: 'new',
      link: productPageUrl(baseUrl, product.id),
      image_link: images[0] ?? '',
      additional_image_link: images.slice(1, 1 + MAX_ADDITIONAL_IMAGES).join(','),
      brand,
    };
    const prices = (price: number, compareAtPrice: number | undefined) =>
      compareAtPrice !== undefined && compareAtPrice > price ? { price: money(compareAtPrice), sale_price: money(price) } : { price: money(price) };
    const availability = (variant?: ProductVariant) => (availableUnits(product, variant) > 0 ? 'in stock' : 'out of stock');
    // Only tracked stock is a quantity; untracked is Infinity, which Meta is not told.
    const quantity = (variant?: ProductVariant) => (Number.isFinite(availableUnits(product, variant)) ? String(availableUnits(product, variant)) : '');

    if (!product.variants.length) {
      return [row({ ...common, id: product.id, title, availability: availability(), ...prices(product.price, product.compareAtPrice), quantity_to_sell_on_facebook: quantity() })];
    }
    return product.variants.map((variant) =>
      row({
        ...common,
        // A variant whose option names its picture (a colour) leads with it.
        ...variantImages(product, variant, images),
        id: variant.id,
        item_group_id: product.id,
        ...variantOptions(product, variant, title, text),
        availability: availability(variant),
        ...prices(variant.price, variant.compareAtPrice),
        quantity_to_sell_on_facebook: quantity(variant),
      }),
    );
  });
  return csvDocument(META_FEED_COLUMNS, rows);
}

function variantImages(product: Product, variant: ProductVariant, images: readonly string[]): Partial<Record<Column, string>> {
  for (const option of product.options) {
    const index = option.values.find((v) => v.id === variant.options[option.id])?.imageIndex;
    if (index === undefined || index < 0 || !images[index]) continue;
    const rest = images.filter((_, i) => i !== index);
    return { image_link: images[index], additional_image_link: rest.slice(0, MAX_ADDITIONAL_IMAGES).join(',') };
  }
  return {};
}

function variantOptions(product: Product, variant: ProductVariant, title: string, text: (value: Readonly<Record<string, string>>) => string) {
  const fields: Partial<Record<Column, string>> = { title };
  const others: string[] = [];
  for (const option of product.options) {
    const value = option.values.find((v) => v.id === variant.options[option.id]);
    if (!value) continue;
    const label = text(value.label);
    const kind = optionKind(option);
    if (kind && fields[kind] === undefined) fields[kind] = label;
    else others.push(label);
  }
  if (others.length) fields.title = `${title} – ${others.join(', ')}`.slice(0, MAX_TITLE);
  return fields;
}

const row = (fields: Partial<Record<Column, string>>): string[] => META_FEED_COLUMNS.map((column) => fields[column] ?? '');
