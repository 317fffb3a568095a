/**
 * The port of a server a spec starts on its own: E2E_PORT + `offset`, and 20 further per
 * parallel worker. The journeys run fully parallel (playwright.config.ts), so two workers may
 * each run the same spec's `beforeAll`; each then has its own server, its own database and its
 * own port, instead of the second failing to listen or sharing the first's likes and stock.
 * Playwright sets TEST_PARALLEL_INDEX in each worker (0 to workers - 1).
 */
export function specPort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 8790) + offset + 20 * Number(process.env.TEST_PARALLEL_INDEX ?? 0);
}
