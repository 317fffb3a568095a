import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { INSIGHTS_TABLES } from '../../core/api/insights';
import type { Catalog } from '../../core/catalog/types';
import { apiError, errorResponse } from '../http/api-error';
import { insightsCsv } from './csv';
import { insights, type InsightsStores } from './insights';
import { parsePeriod } from './period';

export interface StudioInsightsOptions {
  readonly stores: InsightsStores;
  readonly catalog: () => Promise<Catalog | null>;
  /** Milliseconds since the epoch; tests move it. */
  readonly now?: () => number;
}

const Table = v.picklist(INSIGHTS_TABLES);

/**
 * The studio's numbers (insights.ts):
 * - `GET /api/studio/insights?from=YYYY-MM-DD&to=YYYY-MM-DD` as JSON (core/api/insights.ts);
 * - `GET /api/studio/insights.csv?from=…&to=…&table=funnel|products|searches|orders` as a CSV
 *   download.
 * No session check here: everything under `/api/studio/` is guarded (session and Origin) where
 * app.ts mounts it.
 */
export function studioInsightsRoutes(options: StudioInsightsOptions): Hono {
  const app = new Hono();
  const read = async (c: Context) => {
    const period = parsePeriod({ from: c.req.query('from'), to: c.req.query('to') }, new Date(options.now?.() ?? Date.now()));
    if ('error' in period) return errorResponse(c, apiError('invalid_request', period.error), { 'Cache-Control': 'no-store' });
    const catalog = await options.catalog();
    if (!catalog) return errorResponse(c, apiError('catalog_unavailable', 'The shop’s catalog cannot be read.'), { 'Cache-Control': 'no-store' });
    return insights(options.stores, catalog, period);
  };

  app.get('/api/studio/insights', async (c) => {
    const data = await read(c);
    if (data instanceof Response) return data;
    return c.json(data, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/api/studio/insights.csv', async (c) => {
    const table = v.safeParse(Table, c.req.query('table'));
    if (!table.success) return errorResponse(c, apiError('invalid_request', `Name the table: ?table=${INSIGHTS_TABLES.join('|')}.`), { 'Cache-Control': 'no-store' });
    const data = await read(c);
    if (data instanceof Response) return data;
    return c.body(insightsCsv(data, table.output), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="fanshop-${table.output}-${data.from}-${data.to}.csv"`,
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
