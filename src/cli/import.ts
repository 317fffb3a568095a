import { parseArgs } from 'node:util';
import { IMPORT_DEFAULTS, importShopify, importWooCommerce, type ImportOptions, type ImportResult } from '../core/import';
import { checkCatalog } from './check-catalog';
import type { CliIo } from './commands';
import { measureImages } from './measure-images';
import { readText } from './read-json';

export const IMPORT_USAGE = `Usage: fanshop import shopify|woocommerce <file.csv> --out <catalog.json> [options]

Turns a product export into a catalog file, checked as \`fanshop validate\` checks one.
  shopify       Shopify admin: Products → Export (current or older column names)
  woocommerce   WooCommerce: Products → Export (English or German column names,
                comma or semicolon separated)

Options:
  --out <file>           where to write the catalog; an existing file is kept as <file>.bak
  --currency <code>      the currency of the export's prices (default ${IMPORT_DEFAULTS.currency})
  --language <code>      the language of the export's texts, such as en or de (default ${IMPORT_DEFAULTS.locale})
  --shop-name <name>     the shop's name (default "${IMPORT_DEFAULTS.shopName}")
  --base-url <url>       where the shop lives (default ${IMPORT_DEFAULTS.baseUrl}: replace it)
  --image-size <WxH>     the size in pixels given to every image, which exports do not carry
                         (default ${IMPORT_DEFAULTS.imageSize.width}x${IMPORT_DEFAULTS.imageSize.height})
  --measure-images       fetch the start of every image and write its real size instead
`;

const importers = { shopify: importShopify, woocommerce: importWooCommerce } as const;
type Platform = keyof typeof importers;

const plural = (count: number, noun: string, nouns = `${noun}s`): string => `${count} ${count === 1 ? noun : nouns}`;

/** The options as given, or a sentence saying which one is wrong. */
function importOptions(values: Record<string, string | undefined>): ImportOptions | string {
  const options: { -readonly [K in keyof ImportOptions]: ImportOptions[K] } = {};
  if (values.currency !== undefined) {
    if (!/^[a-zA-Z]{3}$/.test(values.currency)) return `--currency must be a three-letter code such as EUR, got "${values.currency}"`;
    options.currency = values.currency.toUpperCase();
  }
  if (values.language !== undefined) {
    if (!/^[a-zA-Z]{2,3}(?:-[a-zA-Z\d]{2,8})*$/.test(values.language)) return `--language must be a language code such as en or de, got "${values.language}"`;
    options.locale = values.language;
  }
  if (values['shop-name'] !== undefined) {
    if (!values['shop-name'].trim()) return '--shop-name must not be empty';
    options.shopName = values['shop-name'].trim();
  }
  if (values['base-url'] !== undefined) {
    if (!/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/.test(values['base-url'])) return `--base-url must be an address starting with https://, got "${values['base-url']}"`;
    options.baseUrl = values['base-url'];
  }
  if (values['image-size'] !== undefined) {
    const size = /^(\d{1,5})x(\d{1,5})$/i.exec(values['image-size']);
    if (!size || Number(size[1]) < 1 || Number(size[2]) < 1) return `--image-size must be width x height in pixels, such as 1200x1500, got "${values['image-size']}"`;
    options.imageSize = { width: Number(size[1]), height: Number(size[2]) };
  }
  return options;
}

function summary(source: string, result: ImportResult): string {
  const { products, variants, images, categories, skippedRows } = result.counts;
  const found = `${plural(products, 'product')}, ${plural(variants, 'variant')}, ${plural(images, 'image')}, ${plural(categories, 'category', 'categories')}`;
  const problems = result.problems.map((p) => `  ${p.line ? `line ${p.line}` : source}: ${p.message}\n`).join('');
  const left = skippedRows ? `; ${plural(skippedRows, 'row')} left out` : '';
  return `${source}: ${found}${left}\n${problems}`;
}

/**
 * `fanshop import shopify|woocommerce <file.csv> --out <catalog.json>`: reads a shop's product
 * export with core/import (which the studio will use too), checks the catalog as `validate`
 * does, and writes it; every row left out is listed with its line.
 */
export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        out: { type: 'string' },
        currency: { type: 'string' },
        language: { type: 'string' },
        'shop-name': { type: 'string' },
        'base-url': { type: 'string' },
        'image-size': { type: 'string' },
        'measure-images': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(IMPORT_USAGE);
    return 0;
  }
  const [platform, source] = positionals;
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (positionals.length !== 2 || !out || !(platform === 'shopify' || platform === 'woocommerce')) {
    io.stderr(IMPORT_USAGE);
    return 2;
  }
  const { 'measure-images': measure, help: _help, ...texts } = values;
  const options = importOptions(texts as Record<string, string | undefined>);
  if (typeof options === 'string') {
    io.stderr(`${options}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  if (!io.writeFile) throw new Error('this command needs to write files');

  const read = await readText(source!, io);
  if ('message' in read) {
    io.stderr(`✖ ${read.message}\n`);
    return 1;
  }
  const result = importers[platform as Platform](read.text, options);
  io.stdout(summary(source!, result));
  if (!result.catalog) {
    io.stderr(`✖ nothing in ${source} could be imported, so ${out} was not written\n`);
    return 1;
  }
  const measured = measure ? await measureImages(result.catalog, io) : undefined;
  if (measured) {
    const { width, height } = options.imageSize ?? IMPORT_DEFAULTS.imageSize;
    const failed = measured.failed.map((f) => `  ${f.src}: ${f.reason}; it keeps ${width}×${height}\n`).join('');
    io.stdout(`Measured ${plural(measured.measured, 'image')}${measured.failed.length ? `; ${measured.failed.length} could not be measured:` : '.'}\n${failed}`);
  }
  const { result: check, lines } = checkCatalog(result.catalog, out);
  if (!check.ok) {
    io.stdout(lines);
    io.stderr(`✖ the catalog made from ${source} does not pass \`fanshop validate\`, so ${out} was not written\n`);
    return 1;
  }
  const previous = await io.readFile(out).catch(() => undefined);
  if (previous !== undefined) await io.writeFile(`${out}.bak`, previous);
  await io.writeFile(out, `${JSON.stringify(result.catalog, null, 2)}\n`);
  io.stdout(`Wrote ${out}${previous !== undefined ? ` (the old file is ${out}.bak)` : ''}; it passes \`fanshop validate\`.\n`);
  const defaults = [
    options.currency ? '' : `currency ${IMPORT_DEFAULTS.currency} (--currency)`,
    options.locale ? '' : `language ${IMPORT_DEFAULTS.locale} (--language)`,
    options.shopName ? '' : `shop name "${IMPORT_DEFAULTS.shopName}" (--shop-name)`,
    options.baseUrl ? '' : `address ${IMPORT_DEFAULTS.baseUrl} (--base-url)`,
  ].filter(Boolean);
  if (defaults.length) io.stdout(`Defaults used, change them in the file or import again with the option: ${defaults.join(', ')}.\n`);
  if (result.counts.images && !options.imageSize && !measured) {
    const { width, height } = IMPORT_DEFAULTS.imageSize;
    io.stdout(`Exports do not say how big images are: each one is given ${width}×${height} pixels; set the real width and height in the file (or --image-size) so pages do not shift while they load.\n`);
  }
  return 0;
}
