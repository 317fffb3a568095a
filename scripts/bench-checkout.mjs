// @ts-check
/**
 * The checkout part of `npm run bench` (alone: `node scripts/bench.mjs checkout`): what the
 * server adds to POST /api/checkout, for a 1-line and a 20-line cart from a 1,000-product catalog,
 * side by side with stock tracked (every product and variant has a `stock`, so each checkout
 * reserves its units in PGlite, in the server's data directory) and without (no `stock`: nothing
 * to hold, no database work), the two servers measured in turns within each round.
 *
 * How, so that the figure means "what the server adds":
 * - Stripe is another process, as in production: the built local test-mode Stripe
 *   (dist/server/stripe-local.mjs) on its own port, the server pointed at it with
 *   STRIPE_API_BASE. In one process (plain `npm start`) its parsing, its answers and its garbage
 *   would land in the server's latency. BENCH_STRIPE=in-process measures that setup instead.
 * - Latency one request at a time (concurrency 1), after a warm-up, so a p99 is the server's
 *   own slow requests and not a queue the bench built; throughput separately, at saturation.
 * - Each request's own share is its total time minus the `Server-Timing: stripe;dur=…` the route
 *   reports around `stripe.checkout.sessions.create`. The own share therefore includes the HTTP
 *   round trip on loopback and the bench's own fetch (roundTripFloor shows their size), and
 *   leaves out the SDK's encoding of the request, which happens inside Stripe's share.
 * - Every request buys something else (a distinct return URL), so no idempotent replay is cheaper
 *   than a real checkout. Figures are medians over ROUNDS rounds; the machine's load average is
 *   printed alongside, because other work on the same cores shows up in every p99.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROUNDS = Number(process.env.BENCH_CHECKOUT_ROUNDS ?? 3);
const WARM_UP = 200;
const REQUESTS = Number(process.env.BENCH_CHECKOUT_REQUESTS ?? 1000);
const SATURATION = { concurrency: 16, requests: 2000 };
const GOAL_OWN_P99_MS = 10;
const PORTS = { tracked: 8793, untracked: 8794 };

/** @param {number[]} xs @param {number} q */
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
/** @param {number[]} xs */
const median = (xs) => Math.round(quantile(xs, 0.5) * 100) / 100;
/** @param {number} x */
const round = (x) => Math.round(x * 100) / 100;

/**
 * @param {string[]} args @param {Record<string, string>} env @param {RegExp} ready
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, line: string }>}
 */
function start(args, env, ready) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => (child.kill(), reject(new Error(`[bench] ${args[0]} did not start; run npm run build first`))), 60_000);
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => ready.test(l));
      if (line) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve({ child, line });
      }
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`[bench] ${args[0]} exited with ${code}; run npm run build first`))));
  });
}

/**
 * @param {URL} root the repository
 * @param {string} catalogFile a 1,000-product catalog
 * @param {{ products: { id: string, availability?: string, stock?: number, variants?: { id: string, stock?: number }[] }[] }} catalog its contents
 * @param {string} dataDir where the server may write orders
 */
export async function benchCheckout(root, catalogFile, catalog, dataDir) {
  const dist = (/** @type {string} */ file) => new URL(`dist/server/${file}`, root).pathname;
  const inProcess = process.env.BENCH_STRIPE === 'in-process';
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let stripe;
  // The same products, with a stock too large to run out during the bench, or with none.
  /** @param {number | undefined} stock */
  const withStock = (stock) => ({
    ...catalog,
    products: catalog.products.map(({ stock: _s, ...p }) => ({ ...p, ...(stock === undefined || p.variants?.length ? {} : { stock }), ...(p.variants ? { variants: p.variants.map(({ stock: _v, ...v }) => ({ ...v, ...(stock === undefined ? {} : { stock }) })) } : {}) })),
  });
  const files = { tracked: join(dataDir, 'catalog-tracked.json'), untracked: join(dataDir, 'catalog-untracked.json') };
  writeFileSync(files.tracked, JSON.stringify(withStock(10_000_000)));
  writeFileSync(files.untracked, JSON.stringify(withStock(undefined)));
  void catalogFile;
  const env = { HOST: '127.0.0.1', FANSHOP_CHECKOUT_RATE_LIMIT: '100000' };
  if (!inProcess) {
    // The stand-in answers only the key it is given; the shop gets the same one.
    const key = `sk_test_bench_${randomBytes(16).toString('hex')}`;
    const started = await start([dist('stripe-local.mjs')], { PORT: '0', STRIPE_SECRET_KEY: key }, /local test-mode Stripe on (http:\S+)/);
    stripe = started.child;
    Object.assign(env, { STRIPE_API_BASE: /(http:\S+)/.exec(started.line)?.[1] ?? '', STRIPE_SECRET_KEY: key });
  }
  const servers = await Promise.all(
    /** @type {const} */ (['tracked', 'untracked']).map(async (kind) => (await start([dist('node.mjs')], { ...env, PORT: String(PORTS[kind]), FANSHOP_CATALOG: files[kind], FANSHOP_DATA_DIR: join(dataDir, `checkout-${kind}`) }, /demo shop on/)).child),
  );
  try {
    return await measure(catalog, inProcess);
  } finally {
    for (const server of servers) server.kill();
    stripe?.kill();
  }
}

/** @param {Parameters<typeof benchCheckout>[2]} catalog @param {boolean} inProcess */
async function measure(catalog, inProcess) {
  /** @type {'tracked' | 'untracked'} */
  let kind = 'tracked';
  const originOf = () => `http://127.0.0.1:${PORTS[kind]}`;
  /** @param {{ stock?: number }} x */
  const inStock = (x) => x.stock === undefined || x.stock > 2;
  const buyable = catalog.products
    .filter((p) => p.availability !== 'out_of_stock' && (p.variants?.length ? p.variants.some(inStock) : inStock(p)))
    .map((p) => ({ productId: p.id, variantId: p.variants?.find(inStock)?.id ?? null, quantity: 1 }));
  let n = 0;
  /** @param {number} lines */
  const checkout = async (lines) => {
    const cart = Array.from({ length: lines }, (_, i) => buyable[(n * lines + i) % buyable.length]);
    const origin = originOf();
    const body = JSON.stringify({ lines: cart, returnUrl: `${origin}/shop?visit=${n++}` });
    const t = performance.now();
    const res = await fetch(`${origin}/api/checkout`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body });
    await res.arrayBuffer();
    const ms = performance.now() - t;
    if (res.status !== 200) throw new Error(`[bench] POST /api/checkout (${kind}) answered ${res.status}`);
    const stripeMs = Number(/stripe;dur=([\d.]+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);
    return { ms, stripeMs, ownMs: ms - stripeMs };
  };
  // The least one exchange with this server costs: a CORS preflight, none of the checkout's work.
  const preflight = async () => {
    const origin = originOf();
    const t = performance.now();
    const res = await fetch(`${origin}/api/checkout`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
    await res.arrayBuffer();
    return performance.now() - t;
  };

  /** @param {number} lines */
  const latency = async (lines) => {
    for (let i = 0; i < WARM_UP; i++) await checkout(lines);
    /** @type {{ ms: number, stripeMs: number, ownMs: number }[]} */
    const samples = [];
    for (let i = 0; i < REQUESTS; i++) samples.push(await checkout(lines));
    const of = (/** @type {'ms' | 'stripeMs' | 'ownMs'} */ key, /** @type {number} */ q) => quantile(samples.map((s) => s[key]), q);
    return { p50Ms: of('ms', 0.5), p99Ms: of('ms', 0.99), stripeP50Ms: of('stripeMs', 0.5), stripeP99Ms: of('stripeMs', 0.99), serverOwnP50Ms: of('ownMs', 0.5), serverOwnP99Ms: of('ownMs', 0.99) };
  };
  /** @param {number} lines */
  const throughput = async (lines) => {
    let started = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: SATURATION.concurrency }, async () => {
        while (started++ < SATURATION.requests) await checkout(lines);
      }),
    );
    return SATURATION.requests / ((performance.now() - t0) / 1000);
  };

  const loadAverage = [round(loadavg()[0] ?? NaN)];
  /** @typedef {{ floor: { p50Ms: number, p99Ms: number }[], oneLine: Awaited<ReturnType<typeof latency>>[], twentyLines: Awaited<ReturnType<typeof latency>>[], rps1: number[], rps20: number[] }} Rounds */
  /** @type {Record<'tracked' | 'untracked', Rounds>} */
  const rounds = { tracked: { floor: [], oneLine: [], twentyLines: [], rps1: [], rps20: [] }, untracked: { floor: [], oneLine: [], twentyLines: [], rps1: [], rps20: [] } };
  for (let r = 0; r < ROUNDS; r++) {
    // In turns, so that whatever else the machine does falls on both alike.
    /** @type {('tracked' | 'untracked')[]} */
    const order = r % 2 ? ['untracked', 'tracked'] : ['tracked', 'untracked'];
    for (const k of order) {
      kind = k;
      const these = rounds[k];
      for (let i = 0; i < WARM_UP; i++) await preflight();
      const floor = [];
      for (let i = 0; i < REQUESTS; i++) floor.push(await preflight());
      these.floor.push({ p50Ms: quantile(floor, 0.5), p99Ms: quantile(floor, 0.99) });
      these.oneLine.push(await latency(1));
      these.twentyLines.push(await latency(20));
      these.rps1.push(await throughput(1));
      these.rps20.push(await throughput(20));
    }
    loadAverage.push(round(loadavg()[0] ?? NaN));
  }
  /** @param {Record<string, number>[]} rs @returns {Record<string, number>} */
  const medians = (rs) => Object.fromEntries(Object.keys(rs[0] ?? {}).map((k) => [k, median(rs.map((r) => r[k] ?? NaN))]));
  /** @param {Rounds} these @returns {{ roundTripFloor: Record<string, number>, oneLine: Record<string, number>, twentyLines: Record<string, number>, samples: object }} */
  const summary = (these) => ({
    roundTripFloor: medians(these.floor),
    oneLine: { ...medians(these.oneLine), requestsPerSecond: Math.round(median(these.rps1)) },
    twentyLines: { ...medians(these.twentyLines), requestsPerSecond: Math.round(median(these.rps20)) },
    samples: {
      serverOwnP99Ms: { oneLine: these.oneLine.map((r) => round(r.serverOwnP99Ms)), twentyLines: these.twentyLines.map((r) => round(r.serverOwnP99Ms)) },
      requestsPerSecond: { oneLine: these.rps1.map(Math.round), twentyLines: these.rps20.map(Math.round) },
    },
  });
  const tracked = summary(rounds.tracked);
  const untracked = summary(rounds.untracked);
  const worstOwnP99 = Math.max(tracked.oneLine.serverOwnP99Ms ?? NaN, tracked.twentyLines.serverOwnP99Ms ?? NaN, untracked.oneLine.serverOwnP99Ms ?? NaN, untracked.twentyLines.serverOwnP99Ms ?? NaN);
  return {
    method:
      `POST /api/checkout, 1,000-product catalog, with stock tracked (a reservation in PGlite per checkout) and without, in turns; Stripe: ${inProcess ? 'the local test-mode Stripe inside the server process (BENCH_STRIPE=in-process)' : 'the local test-mode Stripe in its own process (STRIPE_API_BASE)'}. ` +
      `Latency at concurrency ${1}: ${WARM_UP} warm-up then ${REQUESTS} requests per cart size; throughput at concurrency ${SATURATION.concurrency}, ${SATURATION.requests} requests. ` +
      `serverOwn = total minus Server-Timing stripe;dur, per request (includes loopback HTTP and the client; roundTripFloor is one bare exchange). Medians of ${ROUNDS} rounds.`,
    machine: {
      cpus: cpus().length,
      loadAverage1m: loadAverage,
      ...(Math.max(...loadAverage) > cpus().length ? { note: 'more runnable work than cores during the run: the p99 figures include waiting for a CPU; run again on a quiet machine' } : {}),
    },
    latency: { concurrency: 1, warmUpRequests: WARM_UP, requests: REQUESTS, rounds: ROUNDS },
    throughput: SATURATION,
    tracked,
    untracked,
    goal: { serverOwnP99Ms: GOAL_OWN_P99_MS, met: worstOwnP99 <= GOAL_OWN_P99_MS },
  };
}
