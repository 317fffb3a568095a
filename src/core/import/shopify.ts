import { assemble, type ImportOptions } from './assemble';
import { readCsv, hasColumn, type CsvRow } from './csv-rows';
import type { DraftProduct, DraftVariant, ImportProblem } from './draft';
import { htmlToText } from './html-text';
import { minorUnits } from './price';
import { finish, type ImportResult } from './result';

/**
 * Shopify's product CSV (Products → Export) as a catalog. Both header sets Shopify has written
 * are read: the current one ("URL handle", "Description", "Price", "Compare-at price",
 * "Inventory quantity", "Product image URL", "Variant image URL") and the older one ("Handle",
 * "Body (HTML)", "Variant Price", "Variant Compare At Price", "Variant Inventory Qty",
 * "Image Src", "Variant Image"); headers compare without case. Rows sharing a handle are one
 * product: one row per variant, and rows with only an image for further images.
 * Column reference: Shopify Help Center, "Using CSV files to import and export products".
 */

/** Each field under its current header, then its older one. */
const COLUMNS = {
  handle: ['URL handle', 'Handle'],
  title: ['Title'],
  description: ['Description', 'Body (HTML)'],
  type: ['Type'],
  productCategory: ['Product category'],
  tags: ['Tags'],
  published: ['Published on online store', 'Published'],
  status: ['Status'],
  sku: ['SKU', 'Variant SKU'],
  price: ['Price', 'Variant Price'],
  compareAtPrice: ['Compare-at price', 'Variant Compare At Price'],
  quantity: ['Inventory quantity', 'Variant Inventory Qty'],
  tracker: ['Inventory tracker', 'Variant Inventory Tracker'],
  oversell: ['Continue selling when out of stock', 'Variant Inventory Policy'],
  image: ['Product image URL', 'Image Src'],
  imagePosition: ['Image position', 'Image Position'],
  imageAlt: ['Image alt text', 'Image Alt Text'],
  variantImage: ['Variant image URL', 'Variant Image'],
} as const;

type Field = keyof typeof COLUMNS;
const cell = (row: CsvRow, field: Field): string => {
  for (const column of COLUMNS[field]) {
    const value = row.get(column);
    if (value) return value;
  }
  return '';
};

const optionName = (row: CsvRow, n: number) => row.get(`Option${n} name`);
const optionValue = (row: CsvRow, n: number) => row.get(`Option${n} value`);

/** A single-variant product's only option, as Shopify writes it. */
const isDefaultTitle = (name: string, value: string) => name.toLowerCase() === 'title' && value.toLowerCase() === 'default title';

interface Group {
  rows: CsvRow[];
}

/**
 * Reads a Shopify product export.
 * @example importShopify(await file.text(), { currency: 'EUR' }) // { catalog, problems, counts }
 */
export function importShopify(text: string, options: ImportOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const report = (line: number, message: string) => void problems.push({ line, message });
  const read = readCsv(text);
  if (!read.ok) return finish(undefined, [{ line: read.line, message: read.message }], 0);
  const { table } = read;
  if (!COLUMNS.handle.some((c) => hasColumn(table, c)) || !hasColumn(table, 'Title')) {
    return finish(undefined, [{ line: 1, message: 'this is not a Shopify product export: it has no "URL handle" (or "Handle") and "Title" columns' }], table.rows.length);
  }
  const currency = options.currency ?? 'EUR';
  const decimalMark = table.delimiter === ';' ? ',' : '.';
  const hasTracker = COLUMNS.tracker.some((c) => hasColumn(table, c));
  let skippedRows = 0;

  const groups = new Map<string, Group>();
  for (const row of table.rows) {
    const handle = cell(row, 'handle') || (cell(row, 'title') && !hasColumn(table, 'Handle') ? row.get('Title') : '');
    if (!handle) {
      report(row.line, 'this row has no URL handle, so it belongs to no product; it was left out');
      skippedRows++;
      continue;
    }
    const group = groups.get(handle) ?? { rows: [] };
    group.rows.push(row);
    groups.set(handle, group);
  }

  const drafts: DraftProduct[] = [];
  for (const [handle, { rows }] of groups) {
    const head = rows.find((r) => cell(r, 'title')) ?? rows[0]!;
    const title = cell(head, 'title');
    if (!title) {
      report(head.line, `the product "${handle}" has no title; its ${rows.length} row(s) were left out`);
      skippedRows += rows.length;
      continue;
    }
    const status = cell(head, 'status').toLowerCase();
    const published = cell(head, 'published').toLowerCase();
    if (status === 'draft' || status === 'archived' || published === 'false') {
      const why = status === 'draft' || status === 'archived' ? `is ${status === 'draft' ? 'a draft' : 'archived'}` : 'is not published on the online store';
      report(head.line, `the product "${title}" ${why}; it was left out`);
      skippedRows += rows.length;
      continue;
    }

    const firstVariant = rows.find((r) => optionName(r, 1)) ?? head;
    const names = [1, 2, 3].map((n) => optionName(firstVariant, n)).filter(Boolean);
    const single = names.length === 1 && isDefaultTitle(names[0]!, optionValue(firstVariant, 1) || 'Default Title');
    const optionNames = single ? [] : names;

    const before = skippedRows;
    const images: { src: string; alt?: string; position: number; order: number }[] = [];
    const variants: DraftVariant[] = [];
    rows.forEach((row, order) => {
      const src = cell(row, 'image');
      if (src) {
        const position = Number.parseInt(cell(row, 'imagePosition'), 10);
        images.push({ src, alt: cell(row, 'imageAlt') || undefined, position: Number.isNaN(position) ? Infinity : position, order });
      }
      const values = optionNames.map((_n, i) => optionValue(row, i + 1));
      const priceText = cell(row, 'price');
      const isVariant = priceText || cell(row, 'sku') || values.some(Boolean) || (single && row === head);
      if (!isVariant) {
        if (!src) {
          report(row.line, `this row of "${title}" has neither a variant nor an image; it was left out`);
          skippedRows++;
        }
        return;
      }
      const leftOut = (why: string) => {
        report(row.line, `${why}; this variant of "${title}" was left out`);
        skippedRows++;
      };
      const missing = optionNames.findIndex((_n, i) => !values[i]);
      if (missing >= 0) return leftOut(`the option "${optionNames[missing]}" has no value`);
      if (!priceText) return leftOut('there is no price');
      const price = minorUnits(priceText, currency, decimalMark);
      if (!price.ok) return leftOut(price.reason);
      const compareText = cell(row, 'compareAtPrice');
      const compare = compareText ? minorUnits(compareText, currency, decimalMark) : undefined;
      if (compare && !compare.ok) report(row.line, `the compare-at price was ignored: ${compare.reason}`);
      variants.push({
        values,
        price: price.amount,
        compareAtPrice: compare?.ok ? compare.amount : undefined,
        stock: stock(row, hasTracker, report),
        sku: cell(row, 'sku') || undefined,
        image: cell(row, 'variantImage') || undefined,
        line: row.line,
      });
    });
    images.sort((a, b) => a.position - b.position || a.order - b.order);
    if (!variants.length) {
      const counted = skippedRows - before;
      report(head.line, counted ? `the product "${title}" was left out: none of its variants could be imported` : `the product "${title}" has no row with a price; it was left out`);
      skippedRows = before + rows.length;
      continue;
    }

    const type = cell(head, 'type');
    const taxonomy = cell(head, 'productCategory').split('>').map((s) => s.trim()).filter(Boolean);
    drafts.push({
      key: handle,
      title,
      description: htmlToText(cell(head, 'description')) || undefined,
      images: images.map(({ src, alt }) => ({ src, alt })),
      // The merchant's own product type; without one, the most specific step of Shopify's taxonomy.
      category: type ? [type] : taxonomy.slice(-1),
      tags: cell(head, 'tags').split(',').map((t) => t.trim()).filter(Boolean),
      optionNames,
      variants,
      line: head.line,
    });
  }
  const assembled = assemble(drafts, options, report);
  return finish(assembled, problems, skippedRows + assembled.leftOutRows);
}

/** Units on hand, or undefined when Shopify does not track them or sells on when out. */
function stock(row: CsvRow, hasTracker: boolean, report: (line: number, message: string) => void): number | undefined {
  const text = cell(row, 'quantity');
  // An empty "Inventory tracker" means Shopify does not count this variant's units.
  const tracked = !hasTracker || cell(row, 'tracker') !== '';
  const oversell = cell(row, 'oversell').toLowerCase();
  if (!text || !tracked || oversell === 'continue' || oversell === 'true') return undefined;
  if (!/^-?\d+$/.test(text)) {
    report(row.line, `the inventory quantity ${JSON.stringify(text)} is not a whole number; the variant's stock is not counted`);
    return undefined;
  }
  return Math.max(0, Number(text));
}
