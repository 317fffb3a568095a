/**
 * An average rating as shoppers read it: one decimal, in their locale (4.6, 4,6). On its own,
 * as the cards of the first view need it and nothing else of reviews.
 */
export function formatAverage(average: number, locale: string): string {
  return average.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
