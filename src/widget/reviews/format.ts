export { formatAverage } from './average';

/** A review's date in the shopper's locale (30 Nov 2026, 30.11.2026). */
export function formatReviewDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}
