import * as v from 'valibot';

/** What an import keeps of the shop it replaces: its id, name, currency, language and address. */
export interface ShopDefaults {
  /** Saved carts and likes are keyed by it (core/import/assemble.ts `shopId`). */
  readonly shopId: string;
  readonly shopName: string;
  readonly currency: string;
  readonly locale: string;
  readonly baseUrl: string;
}

const text = v.union([v.string(), v.record(v.string(), v.string())]);
const shopSchema = v.object({
  shop: v.object({ id: v.pipe(v.string(), v.minLength(1)), name: text, currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)), defaultLocale: v.pipe(v.string(), v.minLength(2)), baseUrl: v.pipe(v.string(), v.url()) }),
});

/**
 * The `shop` of the catalog the server serves now (`/catalog.json`, the file as written), so an
 * imported catalog keeps the shop's id (shoppers' saved carts follow it), name, currency,
 * language and address instead of the importer's placeholders. Undefined when there is none or it cannot be read (then the import's
 * own defaults, and this page's origin as the address).
 */
export function currentShop(json: unknown): ShopDefaults | undefined {
  const parsed = v.safeParse(shopSchema, json);
  if (!parsed.success) return undefined;
  const { id, name, currency, defaultLocale, baseUrl } = parsed.output.shop;
  const shopName = typeof name === 'string' ? name : (name[defaultLocale] ?? Object.values(name)[0]);
  return shopName ? { shopId: id, shopName, currency, locale: defaultLocale, baseUrl } : undefined;
}
