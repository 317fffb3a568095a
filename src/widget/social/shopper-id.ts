import type { KeyValueStorage } from '../cart/persistence';

const SHOPPER_KEY = 'fanshop:shopper';

/**
 * The anonymous shopper id: a random string kept on the device, the same for likes
 * (social/likes.ts) and the shop's events (listening/). It names a device, never a person.
 */
export function shopperId(storage: KeyValueStorage): string {
  let shopper = storage.getItem(SHOPPER_KEY);
  if (!shopper || !/^[\w-]{16,64}$/.test(shopper)) storage.setItem(SHOPPER_KEY, (shopper = randomId()));
  return shopper;
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}
