import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { InsightsResponse, InsightsTable } from '../../core/api/insights';
import { studioFetch } from '../api';
import { ChartPanel } from './ChartPanel';
import { insightsLanguage, insightsMessages } from './messages';
import { periodDays, periodQuery, type PeriodChoice } from './period';
import css from './insights.css?inline';
import { adoptStyles } from '../adopt-styles';

type Load = { readonly status: 'loading' } | { readonly status: 'ready'; readonly data: InsightsResponse } | { readonly status: 'error'; readonly message: string };

const TOP = 10;

/**
 * The studio's Insights screen: for a chosen period (the last 7, 30 or 90 days, or days of the
 * merchant's choice), the funnel, the most viewed, liked, shared and wished-for products, the
 * searches that found nothing, the orders and the reviews (server/insights/), each as a chart
 * or a table with its CSV. Its chart code (uPlot) loads with its first chart, not before.
 */
export default function Insights() {
  const language = insightsLanguage();
  const t = insightsMessages[language];
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  useEffect(() => adoptStyles(css), []);
  const [choice, setChoice] = useState<PeriodChoice>({ preset: 30 });
  const [draft, setDraft] = useState(() => periodDays({ preset: 30 }));
  const setFrom = (from: string) => setDraft((d) => ({ ...d, from }));
  const setTo = (to: string) => setDraft((d) => ({ ...d, to }));
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const query = periodQuery(periodDays(choice));

  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    studioFetch(`/api/studio/insights?${query}`)
      .then(async (response) => {
        const body = (await response.json()) as InsightsResponse | { error?: { message?: string } };
        if (!response.ok || !('funnel' in body)) throw new Error(('error' in body && body.error?.message) || `HTTP ${response.status}`);
        if (current) setLoad({ status: 'ready', data: body });
      })
      .catch((error: unknown) => {
        if (current) setLoad({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      current = false;
    };
  }, [query, attempt]);

  const csv = useCallback((table: InsightsTable) => `/api/studio/insights.csv?${query}&table=${table}`, [query]);
  const data = load.status === 'ready' ? load.data : null;
  const money = useCallback((minor: number, currency: string) => {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  }, [locale]);
  const funnelBars = useMemo(
    () => data && { labels: [t.views, t.addsToCart, t.checkouts, t.purchases], values: [data.funnel.views, data.funnel.addsToCart, data.funnel.checkouts, data.funnel.purchases] },
    [data, t],
  );
  const viewed = useMemo(() => (data ? data.products.filter((p) => p.views > 0).slice(0, TOP) : []), [data]);
  const viewedBars = useMemo(() => ({ labels: viewed.map((p) => p.title), values: viewed.map((p) => p.views) }), [viewed]);
  const searchBars = useMemo(() => (data ? { labels: data.zeroResultSearches.slice(0, TOP).map((s) => s.query), values: data.zeroResultSearches.slice(0, TOP).map((s) => s.count) } : undefined), [data]);
  const rated = data ? data.products.filter((p) => p.rating !== null) : [];

  return (
    <div class="insights" aria-busy={load.status === 'loading'}>
      <h1>{t.title}</h1>
      <form
        class="insights-period"
        onSubmit={(e) => {
          e.preventDefault();
          setChoice({ preset: 'custom', ...draft });
        }}
      >
        <fieldset>
          <legend>{t.period}</legend>
          {([7, 30, 90] as const).map((days) => (
            <button type="button" key={days} aria-pressed={choice.preset === days} onClick={() => (setChoice({ preset: days }), setDraft(periodDays({ preset: days })))}>
              {t[`last${days}`]}
            </button>
          ))}
          <label>
            {t.from} <input type="date" value={draft.from} required onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            {t.to} <input type="date" value={draft.to} required onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <button type="submit" aria-pressed={choice.preset === 'custom'}>
            {t.apply}
          </button>
        </fieldset>
      </form>
      {load.status === 'loading' && <p role="status">{t.loading}</p>}
      {load.status === 'error' && (
        <div role="alert">
          <p>{t.failed}</p>
          <p class="insights-hint">{load.message}</p>
          <button type="button" onClick={() => setAttempt(attempt + 1)}>
            {t.retry}
          </button>
        </div>
      )}
      {data && funnelBars && (
        <>
          <ChartPanel t={t} title={t.funnel} csvHref={csv('funnel')} bars={funnelBars} head={[t.funnel, t.count]} rows={funnelBars.labels.map((label, i) => [label, funnelBars.values[i]])} />
          <ChartPanel t={t} title={t.topProducts} csvHref={csv('products')} bars={viewedBars} head={[t.product, t.views, t.addsToCart, t.checkouts, t.purchases, t.units]} rows={viewed.map((p) => [p.title, p.views, p.addsToCart, p.checkouts, p.purchases, p.units])} />
          {(
            [
              [t.mostLiked, data.mostLiked],
              [t.mostShared, data.mostShared],
              [t.mostWished, data.mostWished],
            ] as const
          ).map(([title, ranked]) => (
            <ChartPanel key={title} t={t} title={title} csvHref={csv('products')} head={[t.product, t.count]} rows={ranked.map((p) => [p.title, p.count])} />
          ))}
          <ChartPanel t={t} title={t.searches} hint={t.searchesHint} csvHref={csv('searches')} bars={searchBars} head={[t.query, t.count]} rows={data.zeroResultSearches.map((s) => [s.query, s.count])} />
          <ChartPanel
            t={t}
            title={t.orders}
            hint={t.ordersSummary(data.orders.count, money(data.orders.total, data.currency))}
            csvHref={csv('orders')}
            head={[t.order, t.date, t.items, t.total]}
            rows={data.orders.list.map((o) => [o.id, new Date(o.createdAt).toLocaleString(locale), o.items, money(o.total, o.currency)])}
          />
          <ChartPanel t={t} title={t.reviews} hint={t.pendingReviews(data.pendingReviews)} head={[t.product, t.rating, t.ratingCount]} rows={rated.map((p) => [p.title, p.rating!.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }), p.ratingCount])} />
        </>
      )}
    </div>
  );
}
