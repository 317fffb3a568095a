import * as v from 'valibot';

/** What an import keeps of the shop it replaces: its name, currency, language and address. */
export interface ShopDefaults {
  readonly shopName: string;
  readonly currency: string;
  readonly locale: string;
  readonly baseUrl: string;
}

const text = v.union([v.string(), v.record(v.string(), v.string())]);
const shopSchema = v.object({
  shop: v.object({ name: text, currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)), defaultLocale: v.pipe(v.string(), v.minLength(2)), baseUrl: v.pipe(v.string(), v.url()) }),
});

/**
 * The `shop` of the catalog the server serves now (`/catalog.json`, the file as written), so an
 * imported catalog keeps the shop's name, currency, language and address instead of the
 * importer's placeholders. Undefined when there is none or it cannot be read (then the import's
 * own defaults, and this page's origin as the address).
 */
export function currentShop(json: unknown): ShopDefaults | undefined {
  const parsed = v.safeParse(shopSchema, json);
  if (!parsed.success) return undefined;
  const { name, currency, defaultLocale, baseUrl } = parsed.output.shop;
  const shopName = typeof name === 'string' ? name : (name[defaultLocale] ?? Object.values(name)[0]);
  return shopName ? { shopName, currency, locale: defaultLocale, baseUrl } : undefined;
}
