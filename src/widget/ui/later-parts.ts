/**
 * What the product view and the cart show below or after their own content, in one chunk
 * fetched after they have painted: the recommendation rows (recommendations-slot.tsx) and the
 * "Notify me" form (NotifyMe.tsx). One chunk, not two: the rows ask for it on every product
 * view anyway, so the form is there when a shopper opens it. (A memo of its own rather than
 * ui/lazy-module.ts: that lives in the first view, and each of its exports to a chunk costs
 * the first view bytes.)
 */
type LaterParts = typeof import('./later-parts-chunk');
let loaded: LaterParts | undefined;
let pending: Promise<LaterParts> | undefined;

export const laterParts = {
  get: () => loaded,
  /** A failed load is tried again by the next call. */
  load: () =>
    (pending ??= import('./later-parts-chunk').then(
      (m) => (loaded = m),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    )),
};
