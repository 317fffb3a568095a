/**
 * Runs work once the browser has painted what is on screen now: what the shopper does not need
 * to see the first products (the saved cart, console warnings, the product view's code) waits
 * until the grid is visible, so it costs the first view nothing.
 */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}
