import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * The cart's state and how to create it: all the first view needs. The actions that change it
 * (store.ts) load with the rest of the shop's interactive code after the grid is on screen.
 */
/** One line of the cart: ids and a quantity, plus what the shopper saw when adding it. */
export interface CartLine {
  readonly productId: string;
  readonly variantId: string | null;
  readonly quantity: number;
  /** Minor units at the time of adding; reconciled against the catalog on every load. */
  readonly unitPrice: number;
  /** The title when added, so a line whose product disappeared can still be named. */
  readonly title: string;
}

export interface CartState {
  readonly lines: readonly CartLine[];
}

export type CartStore = StoreApi<CartState>;

export function createCartStore(lines: readonly CartLine[] = []): CartStore {
  return createStore<CartState>()(() => ({ lines }));
}
