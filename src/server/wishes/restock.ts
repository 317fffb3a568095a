import { availableUnits, soldOut } from '../../core/catalog/availability';
import { findVariant } from '../../core/catalog/find-variant';
import type { Catalog, Product, ProductVariant } from '../../core/catalog/types';
import { liveProducts } from '../stock/live-catalog';
import type { StockStore } from '../stock/store';
import type { WishStore } from './store';
import { unsubscribeUrl, type UnsubscribeTokens } from './token';

/**
 * What the merchant's `onRestock` hook gets: a product (or one variant of it) that can be bought
 * again, with the shoppers who asked to be told, each once.
 * @example onRestock: async ({ product, variant, wishes }) => { for (const w of wishes) await mailer.send(w.email, `${product.title.en} is back`, { listUnsubscribe: w.unsubscribeUrl }); }
 */
export interface RestockNotice {
  /** As shoppers see it now (live stock). */
  readonly product: Product;
  /** The variant wished for; absent for wishes for the product as a whole. */
  readonly variant?: ProductVariant;
  readonly wishes: readonly RestockWish[];
}

export interface RestockWish {
  readonly email: string;
  /** BCP 47: write to them in it. */
  readonly language: string;
  /** The wish's one-click unsubscribe link (token.ts): for the email's text and its List-Unsubscribe header. */
  readonly unsubscribeUrl: string;
}

export interface RestockOptions {
  readonly store: WishStore;
  readonly stock?: StockStore | undefined;
  /** The parsed catalog (null when it cannot be read: nothing is checked then). */
  readonly catalog: () => Promise<Catalog | null>;
  readonly tokens: UnsubscribeTokens;
  readonly onRestock: (notice: RestockNotice) => void | Promise<void>;
  readonly now?: () => number;
}

/**
 * The restock check: every product and variant with wishes waiting that can be bought now (the
 * catalog as written, less what is sold and held: live stock, read fresh for those items only)
 * has its wishes claimed (marked notified, in the store, so no other check or process gets them)
 * and passed to `onRestock`, once per product or variant. A failing hook is logged: its wishes
 * stay marked (never sent twice), and `fanshop wishes list --emails <product>` gives them.
 * Checks do not overlap: one asked for while another runs runs once after it.
 */
export function restockChecker(options: RestockOptions): { check(): Promise<number> } {
  const now = options.now ?? Date.now;
  let running: Promise<number> | undefined;
  let again = false;

  async function once(): Promise<number> {
    const targets = await options.store.pendingWishTargets();
    if (!targets.length) return 0;
    const catalog = await options.catalog();
    if (!catalog) return 0;
    const byId = new Map(catalog.products.map((p) => [p.id, p]));
    const wished = [...new Set(targets.map((t) => t.productId))].flatMap((id) => byId.get(id) ?? []);
    const live = new Map((await liveProducts(options.stock, wished, new Date(now()))).products.map((p) => [p.id, p]));
    let told = 0;
    for (const target of targets) {
      const product = live.get(target.productId);
      // A product (or variant) the catalog no longer has: its wishes wait, in case it comes back.
      if (!product) continue;
      const variant = findVariant(product, target.variantId);
      if (target.variantId !== null && !variant) continue;
      if (variant ? availableUnits(product, variant) <= 0 : soldOut(product)) continue;
      const claimed = await options.store.claimWishes(target, new Date(now()));
      if (!claimed.length) continue;
      const wishes = await Promise.all(claimed.map(async (w) => ({ email: w.email, language: w.language, unsubscribeUrl: unsubscribeUrl(catalog.shop.baseUrl, await options.tokens.sign(w.id)) })));
      told += wishes.length;
      try {
        await options.onRestock(variant ? { product, variant, wishes } : { product, wishes });
      } catch (error) {
        console.error(`[fanshop] the onRestock hook failed for ${product.id}${variant ? `/${variant.id}` : ''}; its ${wishes.length} wish(es) are marked notified and are not passed again (npx fanshop wishes list --emails ${product.id}):`, error);
      }
    }
    return told;
  }

  function check(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = once()
      .catch((error: unknown) => {
        console.error('[fanshop] the restock check failed; it runs again later:', error);
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void check();
        }
      });
    return running;
  }
  return { check };
}
