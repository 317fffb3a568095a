/**
 * Asks the host page to scroll the shop's iframe into view (a product or the cart opened at the
 * top of a tall frame). A no-op until frame/child.ts, loaded only inside an iframe, connects it.
 */
let request: () => void = () => {};

export function requestHostScroll(): void {
  request();
}

export function onHostScrollRequest(fn: () => void): void {
  request = fn;
}
