/**
 * Stripe's test cards, reduced to the two a shop needs to rehearse: one that pays and one that
 * is declined. https://docs.stripe.com/testing#cards and #declined-payments
 * Any other number is refused as invalid, so nobody types a real card into a test page
 * and believes it worked.
 */

export const TEST_CARDS = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
} as const;

export type CardProblem =
  | 'number_incomplete'
  | 'number_invalid'
  | 'declined'
  | 'expiry_incomplete'
  | 'expiry_past'
  | 'cvc_incomplete';

export interface CardInput {
  number: string;
  expiry: string;
  cvc: string;
}

export type CardOutcome = { ok: true } | { ok: false; problem: CardProblem; field: 'number' | 'expiry' | 'cvc' };

/**
 * Checks a card the way Checkout's form does (number, then expiry, then CVC) and answers
 * the way the test card would. `now` decides whether an expiry is in the past.
 * @example checkTestCard({ number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' }, Date.now()) // { ok: true }
 */
export function checkTestCard(card: CardInput, now: number): CardOutcome {
  const number = card.number.replace(/[\s-]/g, '');
  if (number === '') return { ok: false, problem: 'number_incomplete', field: 'number' };
  if (number !== TEST_CARDS.succeeds && number !== TEST_CARDS.declined) return { ok: false, problem: 'number_invalid', field: 'number' };

  const expiry = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(card.expiry);
  const month = expiry ? Number(expiry[1]) : 0;
  if (!expiry || month < 1 || month > 12) return { ok: false, problem: 'expiry_incomplete', field: 'expiry' };
  const year = expiry[2]!.length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
  // A card is valid through the last day of its expiry month.
  const today = new Date(now);
  if (year < today.getUTCFullYear() || (year === today.getUTCFullYear() && month < today.getUTCMonth() + 1)) {
    return { ok: false, problem: 'expiry_past', field: 'expiry' };
  }

  if (!/^\d{3,4}$/.test(card.cvc.trim())) return { ok: false, problem: 'cvc_incomplete', field: 'cvc' };
  if (number === TEST_CARDS.declined) return { ok: false, problem: 'declined', field: 'number' };
  return { ok: true };
}
