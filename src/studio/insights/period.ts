/** A period the picker offers: the last 7, 30 or 90 days to today, or days of the merchant's choice. */
export type PeriodChoice = { readonly preset: 7 | 30 | 90 } | { readonly preset: 'custom'; readonly from: string; readonly to: string };

const DAY_MS = 86_400_000;
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The days (UTC, `to` counted) of a choice, as `GET /api/studio/insights` takes them. */
export function periodDays(choice: PeriodChoice, now = Date.now()): { from: string; to: string } {
  if (choice.preset === 'custom') return { from: choice.from, to: choice.to };
  return { from: day(now - (choice.preset - 1) * DAY_MS), to: day(now) };
}

/** The query string of a period, for the JSON and for each CSV download. */
export function periodQuery(days: { from: string; to: string }): string {
  return `from=${encodeURIComponent(days.from)}&to=${encodeURIComponent(days.to)}`;
}
