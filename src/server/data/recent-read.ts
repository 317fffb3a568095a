/**
 * A value read from a store and kept for `maxAgeMs`, shared by every request in that time, and
 * read again ahead of its end: a request in the second half of its life gets the kept value at
 * once, and the next read begins in the background just after it. So steady traffic never
 * waits on the store and gets no value older than `maxAgeMs`.
 *
 * After a quiet spell shorter than `staleMs` (0 unless asked for), the first request gets the
 * old value at once and starts the read the requests after it get: a shop whose visitors come
 * less often than every `maxAgeMs` does not make each of them wait. Whoever uses `staleMs`
 * calls `forget()` when this server itself changes what is stored (stock/observed-stock.ts), so
 * only a change made elsewhere (another instance, another Worker) can be shown late, to one
 * visitor after a quiet spell; checkout itself never reads from here.
 *
 * Why: live stock and the cards' stars are read every 2 s (stock/live-catalog.ts,
 * stock/taken-stock.ts, reviews/ratings.ts). Read on the request that found them old, each
 * read put 8 to 15 ms of PGlite in front of `/shop`'s first byte, on every page load that came
 * more than 2 s after the one before: most of `/shop`'s gap to a static page in issue 12's
 * bench, where every load of a shop comes long after its last.
 */
/**
 * The `staleMs` of live stock and of the stars (stock/live-catalog.ts, stock/taken-stock.ts,
 * reviews/ratings.ts): a shop whose visitors come a minute apart makes none of them wait on the
 * store. Holds and sales made through this server are seen at once (stock/observed-stock.ts).
 */
export const STALE_MS = 60_000;

/** How long after the request that asks for it a read ahead begins, at most (see below). */
export const READ_AHEAD_DELAY_MS = 500;

export interface RecentRead<T> {
  /**
   * The kept value, or a new read when there is none younger than `maxAgeMs`. `time` is the
   * caller's clock when it has one (a request's `now`).
   */
  get(time?: number): Promise<T>;
  /** Something changed the stored value here: the next `get` reads it again. */
  forget(): void;
}

export function recentRead<T>(
  read: (now: number) => Promise<T>,
  options: { readonly maxAgeMs: number; readonly staleMs?: number; readonly now?: () => number; readonly aheadDelayMs?: number },
): RecentRead<T> {
  const { maxAgeMs } = options;
  // Nothing is read in the background on Workers: work a request starts and does not wait for
  // may be cancelled when its answer is sent, and a request waiting for it then waits forever
  // (https://developers.cloudflare.com/workers/runtime-apis/context/#waituntil is per request).
  // There reads come from a Durable Object, off the isolate's thread, and each is waited for.
  const background = !onWorkers();
  const staleMs = background ? (options.staleMs ?? 0) : 0;
  const now = options.now ?? Date.now;
  // The read ahead begins a while after the request that asked for it, once that visitor's next
  // requests (the page's loader, images and module) are likely served: PGlite runs on the
  // server's own thread. Begun at once, it shared the request's turn and delayed its answer by
  // as much as the read took (every other `/shop` 4 to 10 ms later in issue 12's bench); 25 ms
  // later, it came in the middle of the page's first frame there, where the browser and the
  // server share two cores (/shop's first card 83 ms at 25 ms, 71 ms at 500 ms, side by side in
  // one run). At most a quarter of `maxAgeMs`: a read ahead still begins before three quarters
  // of the kept value's life, so steady traffic never waits.
  const aheadDelayMs = options.aheadDelayMs ?? Math.min(READ_AHEAD_DELAY_MS, maxAgeMs / 4);
  /** The value being given out, and the time its read was asked for. */
  let kept: { at: number; value: Promise<T> } | undefined;
  /** The read ahead in flight, if any. */
  let ahead: { at: number; value: Promise<T> } | undefined;
  /** The read ahead waiting for its turn. */
  let waiting: ReturnType<typeof setTimeout> | undefined;
  // Bumped by forget(): a read begun before it must not become the kept value.
  let generation = 0;
  /** The entries whose read has come in: only those are given after their end. */
  const settledValues = new WeakSet<object>();
  const fresh = (time: number) => {
    const entry = { at: time, value: read(time) };
    entry.value.then(
      () => settledValues.add(entry),
      // A failed read is not kept: the next request asks again.
      () => {
        if (kept === entry) kept = undefined;
      },
    );
    return entry;
  };
  const readAhead = (time: number) => {
    waiting = undefined;
    const made = generation;
    const entry = fresh(time);
    ahead = entry;
    entry.value.then(
      () => {
        if (ahead === entry) ahead = undefined;
        // Only a newer value replaces the kept one, and none from before a forget().
        if (made === generation && (!kept || kept.at < entry.at)) kept = entry;
      },
      () => {
        // The kept value stays until its own end; the next request in its second half tries
        // again, and a read that has to be waited for reports the failure to its caller.
        if (ahead === entry) ahead = undefined;
      },
    );
  };
  const stopWaiting = () => {
    if (waiting !== undefined) clearTimeout(waiting);
    waiting = undefined;
  };
  const readSoon = (time: number) => {
    if (background && !ahead && waiting === undefined) waiting = setTimeout(() => readAhead(time), aheadDelayMs);
  };
  return {
    get(time = now()) {
      const age = kept ? time - kept.at : Infinity;
      if (kept && age >= 0 && age < maxAgeMs) {
        // The read counts from this request's time, not from when it begins: never younger than it is.
        if (age >= maxAgeMs / 2) readSoon(time);
        return kept.value;
      }
      // A read ahead in flight is young enough to wait for rather than to start another.
      if (ahead && time - ahead.at >= 0 && time - ahead.at < maxAgeMs) {
        stopWaiting();
        kept = ahead;
        return ahead.value;
      }
      // After a quiet spell shorter than `staleMs`, this request gets the old value and the next
      // ones the new read, as HTTP's stale-while-revalidate (RFC 5861 §3). Only a value that was
      // read is given so: one being read is waited for.
      if (kept && age >= 0 && age < maxAgeMs + staleMs && settledValues.has(kept)) {
        readSoon(time);
        return kept.value;
      }
      // A read ahead not begun yet is not waited for (on Workers its timer may never fire).
      stopWaiting();
      kept = fresh(time);
      return kept.value;
    },
    forget() {
      generation += 1;
      kept = undefined;
      ahead = undefined;
      stopWaiting();
    },
  };
}

/** `navigator.userAgent` is how Workers name themselves (http/compress.ts says where). */
function onWorkers(): boolean {
  return (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers';
}
