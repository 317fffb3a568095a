// @ts-check
/**
 * Generated catalogs for `npm run bench`: the demo's 31 products (public/catalog.json) cloned
 * to any size, so a bench at 10,000 products runs on the same kind of data a shopper sees.
 *
 * - Ids are unique: `${id}-${i}`, variant ids too.
 * - Image paths are absolute (`/images/...`), so the file can live anywhere (a temp dir) while
 *   the server still serves the pictures from `public/`.
 * - 20 categories: the demo's 5 and 15 more, each with an English and a German title; product
 *   i is in category i mod 20.
 * - Titles and descriptions stay in English and German; each product's title gets an edition
 *   word and its descriptions a material word, picked by i from two word lists of coprime
 *   lengths, so a search for one of those words finds a different set at every size.
 * - About a quarter of the products have variants, as in the demo (7 of 31).
 *
 * `generatedCatalog(31)` is the demo's products with the changes above.
 */
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);

/** @type {[string, string][]} */
const MORE_CATEGORIES = [
  ['Garden', 'Garten'],
  ['Baking', 'Backen'],
  ['Chocolate', 'Schokolade'],
  ['Spices', 'Gewürze'],
  ['Cocoa', 'Kakao'],
  ['Ceramics', 'Keramik'],
  ['Glassware', 'Glaswaren'],
  ['Picnic', 'Picknick'],
  ['Gifts', 'Geschenke'],
  ['Stationery', 'Schreibwaren'],
  ['Candles', 'Kerzen'],
  ['Textiles', 'Heimtextilien'],
  ['Outdoor', 'Draußen'],
  ['Books', 'Bücher'],
  ['Workshops', 'Kurse'],
];

/** Edition words for titles, English and German (23 of them). */
/** @type {[string, string][]} */
const EDITIONS = [
  ['harbour', 'Hafen'], ['aurora', 'Polarlicht'], ['fjord', 'Fjord'], ['meadow', 'Wiese'], ['winter', 'Winter'],
  ['summer', 'Sommer'], ['lighthouse', 'Leuchtturm'], ['forest', 'Wald'], ['island', 'Insel'], ['mountain', 'Berg'],
  ['river', 'Fluss'], ['sunrise', 'Sonnenaufgang'], ['midnight', 'Mitternacht'], ['birch', 'Birke'], ['harvest', 'Ernte'],
  ['glacier', 'Gletscher'], ['orchard', 'Obstgarten'], ['dune', 'Düne'], ['heather', 'Heide'], ['tundra', 'Tundra'],
  ['lagoon', 'Lagune'], ['moorland', 'Moor'], ['cliff', 'Klippe'],
];

/** Material words for descriptions, English and German (29 of them). */
/** @type {[string, string][]} */
const MATERIALS = [
  ['walnut', 'Walnuss'], ['copper', 'Kupfer'], ['linen', 'Leinen'], ['oak', 'Eiche'], ['clay', 'Ton'],
  ['wool', 'Wolle'], ['cotton', 'Baumwolle'], ['slate', 'Schiefer'], ['brass', 'Messing'], ['cork', 'Kork'],
  ['hemp', 'Hanf'], ['marble', 'Marmor'], ['bamboo', 'Bambus'], ['beech', 'Buche'], ['leather', 'Leder'],
  ['porcelain', 'Porzellan'], ['pewter', 'Zinn'], ['felt', 'Filz'], ['jute', 'Jute'], ['rattan', 'Rattan'],
  ['granite', 'Granit'], ['silk', 'Seide'], ['enamel', 'Emaille'], ['ash', 'Esche'], ['willow', 'Weide'],
  ['sandstone', 'Sandstein'], ['tin', 'Blech'], ['larch', 'Lärche'], ['basalt', 'Basalt'],
];

/** @param {string} src */
const absolute = (src) => (src.startsWith('/') || /^https?:/.test(src) ? src : `/${src}`);

/**
 * A catalog of n products cloned from the demo (see the file's comment).
 * @param {number} n
 * @example writeFileSync(file, JSON.stringify(generatedCatalog(10_000)));
 */
export function generatedCatalog(n) {
  const demo = JSON.parse(readFileSync(new URL('public/catalog.json', root), 'utf8'));
  const categories = [
    ...demo.categories,
    ...MORE_CATEGORIES.map(([en, de], i) => ({ id: `c${String(i + 6).padStart(2, '0')}`, title: { en, de } })),
  ];
  const products = Array.from({ length: n }, (_, i) => {
    const p = structuredClone(demo.products[i % demo.products.length]);
    p.id = `${p.id}-${i}`;
    for (const v of p.variants ?? []) v.id = `${v.id}-${i}`;
    if (p.images) for (const img of p.images) img.src = absolute(img.src);
    // An option value's picture names one of the product's images by its src.
    for (const option of p.options ?? []) for (const value of option.values ?? []) if (typeof value === 'object' && value.image) value.image = absolute(value.image);
    p.category = categories[i % categories.length].id;
    const [editionEn, editionDe] = EDITIONS[i % EDITIONS.length] ?? ['', ''];
    const [materialEn, materialDe] = MATERIALS[i % MATERIALS.length] ?? ['', ''];
    p.title = { en: `${p.title.en}, ${editionEn} edition`, de: `${p.title.de}, Edition ${editionDe}` };
    p.description = {
      en: `${p.description?.en ?? ''}\n\nPacked with ${materialEn} details.`,
      de: `${p.description?.de ?? ''}\n\nVerpackt mit Details aus ${materialDe}.`,
    };
    return p;
  });
  return { ...demo, categories, products };
}
