/** An average rating as shoppers read it: one decimal, in their locale (4.6, 4,6). */
export function formatAverage(average: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average);
}

/** A review's date in the shopper's locale (30 Nov 2026, 30.11.2026). */
export function formatReviewDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}
