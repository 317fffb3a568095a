import type { ComponentType } from 'preact';

/**
 * The stars of a rated product on its card (Rating.tsx): their code, and their sentence in the
 * `*-more` texts, load only for a shop whose products have ratings, before the cards that show
 * them render (shop/boot.ts, shop/hydrate.ts, ssr.tsx, shop/remote.ts, reviews/card-ratings.ts),
 * so a shop without reviews (any catalog on static hosting) pays only for this, and a rated
 * card is whole at its first render: nothing arrives later, nothing moves.
 */
export let Rating: ComponentType<{ productId: string }> | undefined;

/** Loads the stars' code and (given the shop's `more`) their texts; resolves once both are in. */
export function loadRating(more?: { load(): Promise<unknown> }): Promise<unknown> {
  return Promise.all([import('./Rating').then((m) => (Rating = m.Rating)), more?.load()]);
}
