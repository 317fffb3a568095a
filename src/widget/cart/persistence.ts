import * as v from 'valibot';
import { lineKey } from '../../core/cart/line-key';
import type { CartLine, CartStore } from './store';

/**
 * The cart survives reloads in localStorage, per shop, in a versioned format. Storage may be
 * blocked (third-party iframes, Safari private mode, sandboxed frames throw on access) or full
 * (QuotaExceededError): then the cart lives in memory and the shopper sees no error.
 */
export const CART_FORMAT_VERSION = 1;

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, val) => void map.set(k, val) };
}

/**
 * Wraps a storage getter so every failure falls back to memory. `getStorage` itself may throw:
 * reading `window.localStorage` is a SecurityError where storage is blocked.
 */
export function safeStorage(getStorage: () => KeyValueStorage | null | undefined): KeyValueStorage {
  const memory = memoryStorage();
  // Keys this page has written: memory has their latest value even when the real write failed.
  const written = new Set<string>();
  let real: KeyValueStorage | null = null;
  try {
    real = getStorage() ?? null;
  } catch {
    real = null;
  }
  return {
    getItem(key) {
      if (written.has(key)) return memory.getItem(key);
      try {
        return real ? real.getItem(key) : null;
      } catch {
        return memory.getItem(key);
      }
    },
    setItem(key, value) {
      memory.setItem(key, value);
      written.add(key);
      try {
        real?.setItem(key, value);
      } catch {
        // Full or blocked: the memory copy keeps the cart for this page's life.
      }
    },
  };
}

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const StoredCart = v.object({
  v: v.literal(CART_FORMAT_VERSION),
  lines: v.pipe(
    v.array(
      v.object({
        productId: id,
        variantId: v.nullable(id),
        quantity: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(999)),
        unitPrice: v.pipe(v.number(), v.integer(), v.minValue(0)),
        title: v.pipe(v.string(), v.maxLength(500)),
      }),
    ),
    v.maxLength(500),
  ),
});

export function cartStorageKey(shopId: string): string {
  return `fanshop:cart:${shopId}`;
}

/** Reads the stored cart; anything unreadable, of another version or tampered with is an empty cart. */
export function loadCart(storage: KeyValueStorage, shopId: string): CartLine[] {
  const raw = storage.getItem(cartStorageKey(shopId));
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [];
  }
  const result = v.safeParse(StoredCart, json);
  if (!result.success) return [];
  // Tampered storage may list the same product twice: keep the first.
  const seen = new Set<string>();
  return result.output.lines.filter((l) => !seen.has(lineKey(l)) && !!seen.add(lineKey(l)));
}

export function saveCart(storage: KeyValueStorage, shopId: string, lines: readonly CartLine[]): void {
  storage.setItem(cartStorageKey(shopId), JSON.stringify({ v: CART_FORMAT_VERSION, lines }));
}

/** Empties a shop's saved cart (a paid order), in localStorage where it is allowed. */
export function clearSavedCart(shopId: string): void {
  saveCart(safeStorage(() => window.localStorage), shopId, []);
}

/** Writes the cart on every change; returns the unsubscribe function. */
export function persistCart(store: CartStore, storage: KeyValueStorage, shopId: string): () => void {
  return store.subscribe((state, prev) => {
    if (state.lines !== prev.lines) saveCart(storage, shopId, state.lines);
  });
}
