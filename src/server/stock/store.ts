/**
 * Stock that stays true (docs/catalog-format.md, "Stock"): the catalog's `stock` of an item is
 * what the merchant has now; when they change it, that number is the truth from then on, and
 * every sale after the change lowers it. A checkout holds its units in a reservation for the
 * Checkout Session's lifetime; payment turns it into a sale, expiry or a failed payment releases
 * it, and a reservation past its `expiresAt` no longer counts even if no webhook said so.
 *
 * Three engines keep it (data/): Postgres (PGlite embedded, or a server through DATABASE_URL)
 * and a Durable Object on Workers; data/conformance.ts holds them all to the same cases.
 */
export interface StockStore {
  /**
   * Units of each item that can be bought now: the catalog's stock, less what was sold since
   * it was set, less what unexpired reservations hold; never below 0. Each item's catalog stock
   * is recorded on the way (a changed number starts a new count).
   */
  available(items: readonly StockCount[], now: Date): Promise<Record<string, number>>;
  /**
   * What sales and holds take from the catalog's numbers now, for the whole shop in one read:
   * the few items that have any (taken-stock.ts works out `available` from it for a page of any
   * catalog). Records nothing.
   */
  taken(now: Date): Promise<StockTaken>;
  /**
   * Holds every line's units until `expiresAt`, all or nothing. The same `key` while its last
   * reservation is held and unexpired gives that reservation back (`replay`), with its own
   * `expiresAt`, holding nothing more: a double click or a retried request reserves once. Once
   * that reservation has ended, the key makes a new one with a new id.
   */
  reserve(key: string, lines: readonly StockLine[], expiresAt: Date, now: Date): Promise<ReserveResult>;
  /** Gives a held reservation's units back; a sold one keeps them. */
  release(reservationId: string): Promise<'released' | 'not_held' | 'unknown'>;
  /**
   * The payment is in: the reservation's units become a sale, once. A reservation that was
   * released, or had expired, before the payment came may have seen its units sold to someone
   * else: the sale is still counted and `oversold` says whether the units were there for it.
   * Selling it again answers what the first sale answered.
   */
  sell(reservationId: string, now: Date): Promise<SellResult>;
}

/** An item whose stock the catalog tracks, and that stock now. */
export interface StockCount {
  /** `stockItemId`: the product's id, or `<product>/<variant>`. */
  readonly item: string;
  readonly stock: number;
}

/** Sales and holds, by item; an item in neither has all its catalog stock (stock/taken-stock.ts). */
export interface StockTaken {
  /** Items with units sold since their catalog number was recorded: that number, and the units. */
  readonly sold: ReadonlyMap<string, { readonly baseline: number; readonly sold: number }>;
  /** Units held by reservations that have not ended or expired, by item. */
  readonly held: ReadonlyMap<string, number>;
}

export interface StockLine extends StockCount {
  /** Units wanted, at least 1. Lines name distinct items. */
  readonly quantity: number;
}

export interface Reservation {
  readonly id: string;
  readonly expiresAt: Date;
  /** True when the key's held reservation was given back instead of a new one. */
  readonly replay: boolean;
}

export type ReserveResult =
  | { readonly ok: true; readonly reservation: Reservation }
  /** The first line (in the order given) that cannot be held, and how many of it can. */
  | { readonly ok: false; readonly lineIndex: number; readonly available: number };

export type SellResult =
  | { readonly outcome: 'sold' | 'sold_before'; readonly oversold: boolean }
  | { readonly outcome: 'unknown'; readonly oversold: false };

/** The id stock is kept under: the product's, or `<product>/<variant>` (ids never hold "/"). */
export function stockItemId(productId: string, variantId: string | null): string {
  return variantId === null ? productId : `${productId}/${variantId}`;
}
