// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCatalog } from '../../core/catalog/parse';
import { inMemoryData, type InMemoryData } from '../../server/data/postgres/memory';
import { studioInsightsRoutes } from '../../server/insights/route';
import Insights from './Insights';

/**
 * The Insights screen against the real route (server/insights/route.ts through app.request(),
 * the shop's data in PGlite): what the merchant sees and can click.
 */
const demo = parseCatalog(JSON.parse(readFileSync('public/catalog.json', 'utf8')));
if (!demo.ok) throw new Error('the demo catalog is invalid');
const catalog = demo.catalog;
let data: InMemoryData;
const asked: string[] = [];
beforeAll(async () => {
  data = await inMemoryData();
  const today = new Date();
  const at = (minutes: number) => new Date(today.getTime() - minutes * 60_000);
  const event = (minutes: number, type: 'view' | 'add_to_cart' | 'search', productId: string | null, query: string | null = null) => ({ at: at(minutes), type, productId, query, results: query ? 0 : null, shopper: 'shopper-aaaaaaaaaaaa' });
  await data.events.recordEvents([event(5, 'view', 'stoneware-mug'), event(4, 'view', 'stoneware-mug'), event(3, 'view', 'linen-apron'), event(2, 'add_to_cart', 'stoneware-mug'), event(1, 'search', null, 'unicorn')]);
  await data.orders.saveOrder({ id: 'cs_test_1', createdAt: at(1).toISOString(), livemode: false, currency: 'EUR', amountSubtotal: 1800, amountTotal: 1800, customerEmail: 'fan@example.com', shippingAddress: null, lines: [{ productId: 'stoneware-mug', variantId: null, title: 'Mug', quantity: 1, amountTotal: 1800 }], paymentIntent: null, oversold: false });
}, 60_000);
afterAll(async () => data?.close());

let host: HTMLElement;
beforeEach(() => {
  asked.length = 0;
  const routes = studioInsightsRoutes({ stores: data, catalog: async () => catalog });
  vi.stubGlobal('fetch', (path: string, init: RequestInit) => (asked.push(path), routes.request(path, init)));
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.unstubAllGlobals();
  document.documentElement.lang = '';
});

/** Renders the screen and waits until its numbers (or its error) are in. */
async function screen() {
  await act(() => render(h(Insights, {}), host));
  await vi.waitFor(() => expect(host.querySelector('.insights')!.getAttribute('aria-busy')).toBe('false'), { timeout: 5000 });
}
const panel = (title: string) => [...host.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === title)!;
const button = (root: ParentNode, name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
const rows = (section: Element) => [...section.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));

describe('Insights', () => {
  it('asks for the last 30 days and shows the funnel’s numbers a click away, with its CSV', async () => {
    await screen();
    expect(asked[0]).toMatch(/^\/api\/studio\/insights\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    const funnel = panel('Funnel');
    const csv = funnel.querySelector('a[download]')!;
    expect(csv.textContent).toBe('Download CSV');
    expect(csv.getAttribute('href')).toBe(`${asked[0]!.replace('/insights?', '/insights.csv?')}&table=funnel`);
    // A chart first; happy-dom has no canvas, so the panel says so and shows the numbers.
    await vi.waitFor(() => expect(funnel.querySelector('[role="status"]')?.textContent).toBe('The chart could not be drawn; here are the numbers.'));
    expect(rows(funnel)).toEqual([
      ['Views', '3'],
      ['Added to cart', '1'],
      ['Checkouts', '0'],
      ['Purchases (paid orders)', '1'],
    ]);
  });

  it('lists the most viewed products, the searches that found nothing and the orders with their total', async () => {
    await screen();
    const viewed = panel('Most viewed products');
    await vi.waitFor(() => expect(viewed.querySelector('table')).not.toBeNull());
    expect(rows(viewed)).toEqual([
      ['Mug', '2', '1', '0', '1', '1'],
      ['Linen apron', '1', '0', '0', '0', '0'],
    ]);
    const searches = panel('Searches that found nothing');
    await vi.waitFor(() => expect(searches.querySelector('table')).not.toBeNull());
    expect(rows(searches)).toEqual([['unicorn', '1']]);
    const orders = panel('Orders');
    expect(orders.textContent).toContain('1 order, €18.00 in total');
    expect(rows(orders)[0]).toEqual(['cs_test_1', expect.any(String), '1', '€18.00']);
    expect(panel('Most liked').textContent).toContain('Nothing in this period.');
    expect(panel('Reviews').textContent).toContain('0 reviews wait for moderation');
  });

  it('asks again for the period chosen: 7 days, or days of the merchant’s choice', async () => {
    await screen();
    await act(() => button(host, 'Last 7 days').click());
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    const [from, to] = [...asked[1]!.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => Date.parse(m[0]));
    expect((to! - from!) / 86_400_000).toBe(6);
    expect(button(host, 'Last 7 days').getAttribute('aria-pressed')).toBe('true');
    const [fromInput, toInput] = host.querySelectorAll('input[type="date"]') as NodeListOf<HTMLInputElement>;
    await act(() => {
      fromInput!.value = '2026-01-01';
      fromInput!.dispatchEvent(new Event('input'));
      toInput!.value = '2026-01-31';
      toInput!.dispatchEvent(new Event('input'));
    });
    await act(() => {
      host.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    await vi.waitFor(() => expect(asked.at(-1)).toBe('/api/studio/insights?from=2026-01-01&to=2026-01-31'));
    await vi.waitFor(() => expect(rows(panel('Funnel'))).toEqual([['Views', '0'], ['Added to cart', '0'], ['Checkouts', '0'], ['Purchases (paid orders)', '0']]));
    expect(panel('Orders').textContent).toContain('Nothing in this period.');
  });

  it('says what went wrong and offers to try again', async () => {
    await act(() => {
      document.documentElement.lang = 'de';
    });
    vi.stubGlobal('fetch', (path: string) => (asked.push(path), Promise.resolve(Response.json({ error: { code: 'catalog_unavailable', message: 'The shop’s catalog cannot be read.' } }, { status: 503 }))));
    await screen();
    const alert = host.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Die Zahlen konnten nicht geladen werden.');
    expect(alert.textContent).toContain('The shop’s catalog cannot be read.');
    await act(() => button(alert, 'Noch einmal').click());
    await vi.waitFor(() => expect(asked).toHaveLength(2));
  });
});
