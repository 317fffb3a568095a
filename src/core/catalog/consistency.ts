import type { CatalogProblem } from './types';
import type { CatalogFile, ProductFile } from './schema';
import { quote } from './schema';
import { childPath } from './json-path';

/**
 * Rules that span several fields, checked once the file has the right shape: ids that must be
 * unique, references that must resolve, variants that must match their product's options.
 * Each problem names the field to fix, not the first field of the pair.
 */

type Report = (path: string, message: string) => void;

/** Remembers ids and reports the second use of one, naming where the first one is. */
function idRegistry(report: Report, what: string) {
  const seen = new Map<string, string>();
  return (id: string, path: string): void => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, path);
    else report(path, `${what} ${quote(id)} is already used at ${first}; ${what}s must be unique`);
  };
}

const listed = (values: Iterable<string>): string => {
  const all = [...values];
  return all.slice(0, 10).map(quote).join(', ') + (all.length > 10 ? ', ...' : '');
};

function checkCompareAt(report: Report, path: string, compareAt: number | undefined, price: number): void {
  if (compareAt !== undefined && compareAt <= price) {
    report(path, `must be above the price (${price}) to show a sale, got ${compareAt}; leave it out when there is no sale`);
  }
}

/**
 * Every cross-field problem of a shape-checked catalog file, in file order.
 * @example checkConsistency(file) // [{ path: 'products[1].id', message: 'product id "mug" is already used at products[0].id; ...' }]
 */
export function checkConsistency(file: CatalogFile): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });

  const categoryIds = new Set<string>();
  const category = idRegistry(report, 'category id');
  (file.categories ?? []).forEach((c, index) => {
    category(c.id, `categories[${index}].id`);
    categoryIds.add(c.id);
  });

  const productId = idRegistry(report, 'product id');
  // Variant ids are unique across the file: the cart and the server address a variant by id alone.
  const variantId = idRegistry(report, 'variant id');
  file.products.forEach((product, index) => {
    const at = `products[${index}]`;
    productId(product.id, `${at}.id`);
    if (product.category !== undefined && !categoryIds.has(product.category)) {
      const known = categoryIds.size ? `; the categories are ${listed(categoryIds)}` : '; the file has no categories';
      report(`${at}.category`, `names no category of this file, got ${quote(product.category)}${known}`);
    }
    checkCompareAt(report, `${at}.compareAtPrice`, product.compareAtPrice, product.price);
    checkVariants(report, product, at, variantId);
  });
  // With Payment Links the shop has no cart (static mode, normalize.ts): a product without a
  // link could not be bought at all.
  const linked = file.products.findIndex((product) => product.paymentLink !== undefined);
  if (linked >= 0) {
    file.products.forEach((product, index) => {
      if (product.paymentLink === undefined) {
        report(`products[${index}].paymentLink`, `is required once a product has one (products[${linked}] does): a shop selling through Payment Links has no cart`);
      }
    });
  }
  return problems;
}

function checkVariants(report: Report, product: ProductFile, at: string, variantId: (id: string, path: string) => void): void {
  const options = product.options ?? [];
  const variants = product.variants ?? [];
  if (options.length && !variants.length) {
    report(`${at}.variants`, 'is required when a product has options: add one variant for each combination you sell');
  }
  if (variants.length && !options.length) {
    report(`${at}.options`, 'is required when a product has variants: say what the variants differ in, such as size');
  }

  const valuesByOption = new Map<string, Set<string>>();
  const optionId = idRegistry(report, 'option id');
  options.forEach((option, o) => {
    optionId(option.id, `${at}.options[${o}].id`);
    const values = new Set<string>();
    option.values.forEach((value, k) => {
      const id = typeof value === 'string' ? value : value.id;
      const path = `${at}.options[${o}].values[${k}]${typeof value === 'string' ? '' : '.id'}`;
      if (typeof value !== 'string' && value.image !== undefined && !(product.images ?? []).some((image) => image.src === value.image)) {
        const srcs = (product.images ?? []).map((image) => image.src);
        report(`${at}.options[${o}].values[${k}].image`, `must be the src of one of this product's images (${srcs.length ? listed(srcs) : 'it has none'}), got ${quote(value.image)}`);
      }
      if (values.has(id)) report(path, `value ${quote(id)} is listed twice in this option`);
      values.add(id);
    });
    if (!valuesByOption.has(option.id)) valuesByOption.set(option.id, values);
  });

  const combinations = new Map<string, number>();
  variants.forEach((variant, k) => {
    const vat = `${at}.variants[${k}]`;
    variantId(variant.id, `${vat}.id`);
    checkCompareAt(report, `${vat}.compareAtPrice`, variant.compareAtPrice, variant.price ?? product.price);
    if (!options.length) return;

    let complete = true;
    for (const [id, values] of valuesByOption) {
      const chosen = Object.hasOwn(variant.options, id) ? variant.options[id] : undefined;
      const path = childPath(`${vat}.options`, id);
      if (chosen === undefined) report(path, `is required: choose one of ${listed(values)}`);
      else if (!values.has(chosen)) report(path, `must be one of ${listed(values)}, got ${quote(chosen)}`);
      complete &&= chosen !== undefined && values.has(chosen);
    }
    for (const key of Object.keys(variant.options)) {
      if (valuesByOption.has(key)) continue;
      report(childPath(`${vat}.options`, key), `names no option of this product; its options are ${listed(valuesByOption.keys())}`);
      complete = false;
    }
    if (!complete) return;
    const combination = JSON.stringify([...valuesByOption.keys()].map((id) => variant.options[id]));
    const first = combinations.get(combination);
    if (first === undefined) combinations.set(combination, k);
    else report(`${vat}.options`, `repeats the options of ${at}.variants[${first}]; each variant needs its own combination`);
  });
}
