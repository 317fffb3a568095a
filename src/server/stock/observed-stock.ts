import type { StockStore } from './store';

/** A stock store that tells when a write through it changed what can be bought. */
export interface ObservedStock extends StockStore {
  /** `listener` runs after each hold, release or sale that changed stock; returns the way to stop. */
  onChange(listener: () => void): () => void;
}

/**
 * The stock store with word of its own writes: a hold made, a hold given back, a sale. What
 * shows live stock keeps it for a while (stock/live-catalog.ts, stock/taken-stock.ts, through
 * data/recent-read.ts) and reads again at once on that word, so what this server sold shows on
 * the next page, however long its readers keep values between visitors.
 */
export function observedStock(store: StockStore): ObservedStock {
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  return {
    available: (items, now) => store.available(items, now),
    taken: (now) => store.taken(now),
    async reserve(key, lines, expiresAt, now) {
      const result = await store.reserve(key, lines, expiresAt, now);
      if (result.ok && !result.reservation.replay) changed();
      return result;
    },
    async release(reservationId) {
      const result = await store.release(reservationId);
      if (result === 'released') changed();
      return result;
    },
    async sell(reservationId, now) {
      const result = await store.sell(reservationId, now);
      if (result.outcome === 'sold') changed();
      return result;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The store's `onChange`, where it has one. */
export function stockChanges(store: StockStore): ObservedStock['onChange'] | undefined {
  return 'onChange' in store && typeof store.onChange === 'function' ? (store as ObservedStock).onChange.bind(store) : undefined;
}
