import { assemble, type ImportOptions } from './assemble';
import { hasColumn, readCsv, type CsvRow, type CsvTable } from './csv-rows';
import type { DraftProduct, DraftVariant, ImportProblem } from './draft';
import { htmlToText } from './html-text';
import { minorUnits } from './price';
import { finish, type ImportResult } from './result';

/**
 * WooCommerce's product export (Products → Export, with English or German column names) as a catalog:
 * "simple" and "variable" rows are products, and each "variation" row is a variant of the
 * product its "Parent" names ("id:123", or the parent's SKU). "Attribute N name" and
 * "Attribute N value(s)" are a variable product's options; a variation's own value is its
 * choice. A sale price becomes the price and the regular price its `compareAtPrice`.
 * Column reference: WooCommerce's "Product CSV Importer and Exporter" documentation and its
 * column schema (wc_product_csv_importer / WC_Product_CSV_Exporter).
 */

/**
 * The export's column names in a German shop (WooCommerce translates them with the admin's
 * language), as the English ones the importer reads.
 */
const GERMAN: Record<string, string> = {
  typ: 'Type',
  artikelnummer: 'SKU',
  'veröffentlicht': 'Published',
  'sichtbarkeit im katalog': 'Visibility in catalog',
  kurzbeschreibung: 'Short description',
  beschreibung: 'Description',
  'vorrätig?': 'In stock?',
  bestand: 'Stock',
  lager: 'Stock',
  'lieferrückstande erlaubt?': 'Backorders allowed?',
  angebotspreis: 'Sale price',
  'regulärer preis': 'Regular price',
  kategorien: 'Categories',
  'schlagwörter': 'Tags',
  bilder: 'Images',
  'übergeordnetes produkt': 'Parent',
};

function englishColumn(header: string): string {
  const attribute = /^Attribut (\d+) (Name|Wert\(e\))$/i.exec(header);
  if (attribute) return `Attribute ${attribute[1]} ${attribute[2]!.toLowerCase() === 'name' ? 'name' : 'value(s)'}`;
  return GERMAN[header.toLowerCase()] ?? header;
}

/** WooCommerce joins list values with ", " and writes a comma inside a value as "\,". */
const splitList = (text: string): string[] =>
  text.split(/(?<!\\),/).map((part) => part.replace(/\\,/g, ',').trim()).filter(Boolean);

/** "id:123" names the parent by id; anything else is its SKU. */
const parentKey = (text: string) => (/^id:\s*\d+$/i.test(text) ? `id:${text.replace(/\D/g, '')}` : `sku:${text}`);

interface Attribute {
  readonly name: string;
  readonly value: string;
}

function attributes(table: CsvTable, row: CsvRow): Attribute[] {
  const found: Attribute[] = [];
  for (let n = 1; hasColumn(table, `Attribute ${n} name`); n++) {
    const name = row.get(`Attribute ${n} name`);
    if (name) found.push({ name, value: row.get(`Attribute ${n} value(s)`) });
  }
  return found;
}

function description(row: CsvRow): string | undefined {
  const text = row.get('Description') || row.get('Short description');
  // The exporter writes a newline as the two characters "\n" (the importer reads them back).
  return htmlToText(text.replace(/\\n/g, '\n'), { newlinesAreBreaks: true }) || undefined;
}

interface Parent {
  readonly row: CsvRow;
  readonly variable: boolean;
  readonly variations: CsvRow[];
}

/**
 * Reads a WooCommerce product export, comma- or semicolon-separated (German Excel saves the
 * latter, with decimal commas: "12,90", "1.234,50").
 * @example importWooCommerce(await file.text(), { currency: 'EUR', locale: 'de' }) // { catalog, problems, counts }
 */
export function importWooCommerce(text: string, options: ImportOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const report = (line: number, message: string) => void problems.push({ line, message });
  const read = readCsv(text, englishColumn);
  if (!read.ok) return finish(undefined, [{ line: read.line, message: read.message }], 0);
  const { table } = read;
  if (!hasColumn(table, 'Type') || !hasColumn(table, 'Name') || !hasColumn(table, 'Regular price')) {
    return finish(undefined, [{ line: 1, message: 'this is not a WooCommerce product export: it has no "Type", "Name" and "Regular price" columns (or the German "Typ", "Name" and "Regulärer Preis")' }], table.rows.length);
  }
  const currency = options.currency ?? 'EUR';
  const decimalMark = table.delimiter === ';' ? ',' : '.';
  let skippedRows = 0;
  const skip = (row: CsvRow, message: string) => {
    report(row.line, message);
    skippedRows++;
  };

  const parents: Parent[] = [];
  const byKey = new Map<string, Parent>();
  const variations: CsvRow[] = [];
  for (const row of table.rows) {
    const types = row.get('Type').toLowerCase().split(',').map((t) => t.trim());
    const name = row.get('Name') || `row ${row.line}`;
    if (types.includes('variation')) {
      variations.push(row);
      continue;
    }
    const kind = types.find((t) => t === 'simple' || t === 'variable');
    if (!kind) {
      skip(row, `"${name}" is a ${row.get('Type') || 'product without a type'} product, which a Fanshop catalog does not have (only simple and variable ones); it was left out`);
      continue;
    }
    const why = hidden(row);
    if (why) {
      skip(row, `the product "${name}" ${why}; it was left out`);
      continue;
    }
    const parent: Parent = { row, variable: kind === 'variable', variations: [] };
    parents.push(parent);
    if (row.get('ID')) byKey.set(`id:${row.get('ID')}`, parent);
    if (row.get('SKU')) byKey.set(`sku:${row.get('SKU')}`, parent);
  }
  for (const row of variations) {
    const parent = row.get('Parent') ? byKey.get(parentKey(row.get('Parent'))) : undefined;
    if (!parent?.variable) {
      const named = row.get('Parent') ? `names "${row.get('Parent')}" as its parent, which is ${parent ? 'not a variable product' : 'not a published product in this file'}` : 'names no parent';
      skip(row, `this variation ${named}; it was left out`);
    } else parent.variations.push(row);
  }

  const drafts: DraftProduct[] = [];
  for (const { row, variable, variations: rows } of parents) {
    const title = row.get('Name');
    if (!title) {
      skip(row, 'this product has no name; it was left out');
      skippedRows += rows.length;
      continue;
    }
    const variants: DraftVariant[] = [];
    const leftOut = (r: CsvRow, why: string) => skip(r, `${why}; ${variable ? `this variation of "${title}"` : `the product "${title}"`} was left out`);
    const priced = (r: CsvRow, values: string[], image: string | undefined) => {
      const regularText = r.get('Regular price');
      if (!regularText) return leftOut(r, 'there is no regular price');
      const regular = minorUnits(regularText, currency, decimalMark);
      if (!regular.ok) return leftOut(r, regular.reason);
      const saleText = r.get('Sale price');
      const sale = saleText ? minorUnits(saleText, currency, decimalMark) : undefined;
      if (sale && !sale.ok) report(r.line, `the sale price was ignored: ${sale.reason}`);
      const onSale = sale?.ok && sale.amount < regular.amount ? sale.amount : undefined;
      variants.push({
        values,
        price: onSale ?? regular.amount,
        compareAtPrice: onSale === undefined ? undefined : regular.amount,
        stock: stock(r, report),
        sku: r.get('SKU') || undefined,
        image,
        line: r.line,
      });
    };

    let optionNames: string[] = [];
    if (!variable) priced(row, [], undefined);
    else {
      const own = attributes(table, row);
      const chosen = rows.map((r) => attributes(table, r));
      // A variable product's options are the attributes its variations choose from.
      optionNames = own.map((a) => a.name).filter((name) => chosen.some((attrs) => attrs.some((a) => same(a.name, name) && a.value)));
      rows.forEach((r, i) => {
        const why = hidden(r);
        if (why) return leftOut(r, `it ${why}`);
        const values = optionNames.map((name) => chosen[i]!.find((a) => same(a.name, name))?.value ?? '');
        const open = optionNames.findIndex((_n, o) => !values[o]);
        if (open >= 0) return leftOut(r, `it leaves "${optionNames[open]}" open (any ${optionNames[open]}), which a catalog variant cannot`);
        priced(r, values, splitList(r.get('Images'))[0]);
      });
      // Keep the parent's order of values: the order the merchant set.
      const order = new Map(own.flatMap((a) => splitList(a.value).map((v, k) => [`${a.name.toLowerCase()}\u0000${v}`, k] as const)));
      const rank = (o: number, v: string) => order.get(`${optionNames[o]!.toLowerCase()}\u0000${v}`) ?? Infinity;
      variants.sort((a, b) => optionNames.reduce((d, _n, o) => d || rank(o, a.values[o]!) - rank(o, b.values[o]!), 0));
    }

    if (!variants.length) {
      // A simple product's row has said why already.
      if (variable) skip(row, rows.length ? `the product "${title}" was left out: none of its variations could be imported` : `the variable product "${title}" has no variations in this file; it was left out`);
      continue;
    }
    const [firstCategory] = splitList(row.get('Categories'));
    drafts.push({
      key: title,
      title,
      description: description(row),
      images: splitList(row.get('Images')).map((src) => ({ src })),
      // The first category, with its path; the catalog keeps one category per product.
      category: (firstCategory ?? '').split('>').map((s) => s.trim()).filter(Boolean),
      tags: splitList(row.get('Tags')),
      optionNames,
      variants,
      line: row.line,
    });
  }
  const assembled = assemble(drafts, options, report);
  return finish(assembled, problems, skippedRows + assembled.leftOutRows);
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Why a row is not for sale in the shop, or '' when it is. */
function hidden(row: CsvRow): string {
  const published = row.get('Published');
  if (published === '-1') return 'is a draft';
  if (published === '0') return 'is private (not published)';
  if (row.get('Visibility in catalog').toLowerCase() === 'hidden') return 'is hidden from the shop ("Visibility in catalog" is hidden)';
  return '';
}

/** Units on hand, or undefined when WooCommerce does not count them or takes backorders. */
function stock(row: CsvRow, report: (line: number, message: string) => void): number | undefined {
  const backorders = row.get('Backorders allowed?').toLowerCase();
  if (backorders === '1' || backorders === 'notify') return undefined;
  const text = row.get('Stock');
  if (!text) return row.get('In stock?') === '0' ? 0 : undefined;
  if (!/^-?\d+$/.test(text)) {
    report(row.line, `the stock ${JSON.stringify(text)} is not a whole number; its units are not counted`);
    return undefined;
  }
  return Math.max(0, Number(text));
}
