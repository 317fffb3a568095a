import type { CatalogFile, ProductFile } from '../catalog/schema';
import type { DraftProduct, DraftVariant, Report } from './draft';
import { slugify, uniqueIds } from './ids';

/** What a merchant says about the shop that a product export does not carry. */
export interface ImportOptions {
  /** ISO 4217; the export's prices are in it. Default "EUR". */
  readonly currency?: string;
  /** The language of the export's texts; the catalog's `defaultLocale`. Default "en". */
  readonly locale?: string;
  /** Default "My shop"; the shop id is made from it unless `shopId` is given. */
  readonly shopName?: string;
  /**
   * The id of the shop the import replaces (the studio's): shoppers' saved carts and likes are
   * keyed by it, so a new catalog of the same shop must keep it.
   */
  readonly shopId?: string;
  /** Where the shop lives. Default "https://shop.example.com", to be replaced. */
  readonly baseUrl?: string;
  /**
   * The size every image is given: exports do not say how big their images are, and the catalog
   * needs a width and a height so nothing shifts while loading. Default 1000 × 1000 (square).
   */
  readonly imageSize?: { readonly width: number; readonly height: number };
}

export const IMPORT_DEFAULTS = {
  currency: 'EUR',
  locale: 'en',
  shopName: 'My shop',
  baseUrl: 'https://shop.example.com',
  imageSize: { width: 1000, height: 1000 },
} as const;

/** Counts for the summary a merchant reads. */
export interface ImportCounts {
  products: number;
  variants: number;
  images: number;
  categories: number;
}

// Relative to the catalog file or http(s): the catalog schema's rule for `src`.
const USABLE_SRC = /^(?![a-zA-Z][a-zA-Z\d+.-]*:)|^https?:\/\//;

function cut(text: string, max: number, line: number, what: string, report: Report): string {
  if ([...text].length <= max) return text;
  report(line, `${what} is longer than ${max} characters; it was cut to ${max}`);
  return [...text].slice(0, max).join('');
}

/** The first option whose every value always comes with the same variant image: a colour, usually. */
function imageOption(product: DraftProduct): number {
  if (!product.variants.some((v) => v.image)) return -1;
  return product.optionNames.findIndex((_name, o) => {
    const seen = new Map<string, string | undefined>();
    return product.variants.every((v) => {
      const value = v.values[o]!;
      if (!seen.has(value)) seen.set(value, v.image);
      return seen.get(value) === v.image;
    });
  });
}

/** Prices shared by every variant go on the product; a variant names only what differs. */
function prices(variants: readonly DraftVariant[]) {
  const price = Math.min(...variants.map((v) => v.price));
  const onSale = (v: DraftVariant) => (v.compareAtPrice !== undefined && v.compareAtPrice > v.price ? v.compareAtPrice : undefined);
  const first = variants[0]!;
  const shared = variants.every((v) => v.price === first.price && onSale(v) === onSale(first)) ? onSale(first) : undefined;
  return { price, compareAtPrice: shared, onSale: shared === undefined ? onSale : () => undefined };
}

/**
 * Turns the products read from an export into a catalog file, reporting what it had to leave out.
 * @example assemble([draft], { currency: 'EUR' }, report).catalog.products[0].id // 'classic-hoodie'
 */
export function assemble(drafts: readonly DraftProduct[], options: ImportOptions, report: Report): { catalog: CatalogFile; counts: ImportCounts; leftOutRows: number } {
  const { width, height } = options.imageSize ?? IMPORT_DEFAULTS.imageSize;
  const productId = uniqueIds();
  const variantId = uniqueIds();
  const categoryId = uniqueIds();
  const leaves = new Map<string, Set<string>>();
  for (const d of drafts) if (d.category.length) leaves.set(d.category.at(-1)!, (leaves.get(d.category.at(-1)!) ?? new Set()).add(d.category.join('\u0000')));
  const categories = new Map<string, { id: string; title: string }>();
  const categoryOf = (path: readonly string[], line: number): string => {
    const key = path.join('\u0000');
    let category = categories.get(key);
    if (!category) {
      // The leaf names the category ("Hoodies"), unless two paths end in the same leaf.
      const leaf = path.at(-1)!;
      const title = (leaves.get(leaf)?.size ?? 0) > 1 ? path.join(' › ') : leaf;
      category = { id: categoryId(slugify(path.join(' '), 'category')), title: cut(title, 200, line, 'the category', report) };
      categories.set(key, category);
    }
    return category.id;
  };
  const counts: ImportCounts = { products: 0, variants: 0, images: 0, categories: 0 };
  const products: ProductFile[] = [];
  let leftOutRows = 0;

  for (const draft of drafts) {
    const images = new Map<string, { src: string; alt?: string; width: number; height: number }>();
    const addImage = (src: string, alt: string | undefined, line: number): boolean => {
      if (images.has(src)) return true;
      if (!USABLE_SRC.test(src) || src.length > 2000) {
        report(line, `the image ${JSON.stringify(src.slice(0, 80))} is not an http(s) address; it was left out`);
        return false;
      }
      images.set(src, { src, ...(alt ? { alt: cut(alt, 500, line, 'the image’s alt text', report) } : {}), width, height });
      return true;
    };
    for (const image of draft.images) addImage(image.src, image.alt, draft.line);

    // Variants with the same options as an earlier one are the export's mistake; the first wins.
    const combos = new Map<string, number>();
    const unique = draft.variants.filter((v) => {
      const long = v.values.find((value) => [...value].length > 200);
      if (long !== undefined) {
        report(v.line, `the option value ${JSON.stringify(long.slice(0, 40))}… is longer than 200 characters; this variant was left out`);
        leftOutRows++;
        return false;
      }
      const key = JSON.stringify(v.values);
      const first = combos.get(key);
      if (first !== undefined) {
        report(v.line, `this variant has the same options as the one on line ${first} (${v.values.join(' / ')}); it was left out`);
        leftOutRows++;
        return false;
      }
      combos.set(key, v.line);
      return true;
    });
    const variants = unique.map((v) => (v.image && !addImage(v.image, undefined, v.line) ? { ...v, image: undefined } : v));
    // The importers leave out products without a variant, saying why.
    if (!variants.length) continue;

    const id = productId(slugify(draft.key, 'product'));
    const { price, compareAtPrice, onSale } = prices(variants);
    const title = cut(draft.title, 200, draft.line, 'the title', report);
    const description = draft.description ? cut(draft.description, 5000, draft.line, 'the description', report) : undefined;
    const tags = [...new Set(draft.tags.filter(Boolean).map((t) => cut(t, 200, draft.line, 'a tag', report)))];
    const category = draft.category.length ? categoryOf(draft.category, draft.line) : undefined;
    // The order of docs/catalog-format.md, so the written file reads like the example there.
    const product: ProductFile = {
      id,
      title,
      ...(description ? { description } : {}),
      ...(images.size ? { images: [...images.values()] } : {}),
      price,
      ...(compareAtPrice !== undefined ? { compareAtPrice } : {}),
      ...(category ? { category } : {}),
      ...(tags.length ? { tags } : {}),
    };

    if (!draft.optionNames.length) {
      const only = variants[0]!;
      if (only.stock !== undefined) product.stock = only.stock;
      counts.variants++;
    } else {
      const optionId = uniqueIds();
      const withImage = imageOption({ ...draft, variants });
      const optionIds = draft.optionNames.map((name) => optionId(slugify(name, 'option')));
      product.options = draft.optionNames.map((name, o) => {
        const values = [...new Set(variants.map((v) => v.values[o]!))];
        return {
          id: optionIds[o]!,
          name: cut(name, 200, draft.line, 'an option name', report),
          values: values.map((value) => {
            const image = o === withImage ? variants.find((v) => v.values[o] === value)?.image : undefined;
            return image ? { id: value, label: value, image } : value;
          }),
        };
      });
      product.variants = variants.map((v) => {
        const variant: NonNullable<ProductFile['variants']>[number] = {
          // Room for the "-2" a repeated id gets, within the catalog's 100 characters.
          id: variantId(`${id}-${slugify(v.values.join(' '), 'variant')}`.slice(0, 94).replace(/-+$/, '')),
          options: Object.fromEntries(optionIds.map((oid, o) => [oid, v.values[o]!])),
        };
        if (v.price !== price) variant.price = v.price;
        const sale = onSale(v);
        if (sale !== undefined) variant.compareAtPrice = sale;
        if (v.stock !== undefined) variant.stock = v.stock;
        if (v.sku) variant.sku = cut(v.sku, 200, v.line, 'the SKU', report);
        return variant;
      });
      counts.variants += variants.length;
    }
    counts.images += images.size;
    counts.products++;
    products.push(product);
  }

  const shopName = options.shopName ?? IMPORT_DEFAULTS.shopName;
  const catalog: CatalogFile = {
    shop: {
      id: options.shopId ?? slugify(shopName, 'shop'),
      name: shopName,
      currency: options.currency ?? IMPORT_DEFAULTS.currency,
      defaultLocale: options.locale ?? IMPORT_DEFAULTS.locale,
      baseUrl: options.baseUrl ?? IMPORT_DEFAULTS.baseUrl,
    },
    categories: [...categories.values()],
    products,
  };
  counts.categories = categories.size;
  return { catalog, counts, leftOutRows };
}
