import * as v from 'valibot';
import { INSIGHTS_MAX_DAYS } from '../../core/api/insights';
import type { Period } from './insights';

const DAY_MS = 86_400_000;
const Day = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD'),
  // Valibot runs a check after a failed regex too: an unparsable text must not throw here.
  v.check((s) => {
    const time = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(s);
  }, 'must be a day of the calendar'),
);

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The period of `?from=YYYY-MM-DD&to=YYYY-MM-DD` in whole UTC days, `to` counted (the last 30
 * days to today when neither is given), or what is wrong with it, in words for the merchant.
 */
export function parsePeriod(query: { from?: string | undefined; to?: string | undefined }, now: Date): Period | { error: string } {
  const today = day(now.getTime());
  const lastDay = query.to ?? today;
  const to = v.safeParse(Day, lastDay);
  if (!to.success) return { error: `to ${to.issues[0].message} (${lastDay}).` };
  const end = Date.parse(`${lastDay}T00:00:00Z`) + DAY_MS;
  const firstDay = query.from ?? day(end - 30 * DAY_MS);
  const from = v.safeParse(Day, firstDay);
  if (!from.success) return { error: `from ${from.issues[0].message} (${firstDay}).` };
  const start = Date.parse(`${firstDay}T00:00:00Z`);
  if (start >= end) return { error: `from (${firstDay}) must not be after to (${lastDay}).` };
  if (end - start > INSIGHTS_MAX_DAYS * DAY_MS) return { error: `A period may be at most ${INSIGHTS_MAX_DAYS} days long.` };
  return { from: new Date(start), to: new Date(end), firstDay, lastDay };
}
