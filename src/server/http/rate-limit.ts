/**
 * A fixed-window limit per client: at most `requests` in each `windowMs`. In memory, per server
 * instance, which is what stops a script hammering one instance into creating Stripe sessions;
 * a multi-instance deployment puts its own limit in front (a CDN rule or a shared store).
 */
export interface RateLimit {
  /** True when the client may go ahead; false when it must wait. */
  take(client: string, now?: number): boolean;
}

export function fixedWindowLimit(requests: number, windowMs: number): RateLimit {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(client, now = Date.now()) {
      const current = windows.get(client);
      if (!current || now - current.start >= windowMs) {
        // Forget old windows now and then so the map cannot grow without bound.
        if (windows.size > 10_000) for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
        windows.set(client, { start: now, count: 1 });
        // The window's first request counts too: a limit of 0 refuses every request (the
        // README's FANSHOP_CHECKOUT_RATE_LIMIT=0 and FANSHOP_LIKES_RATE_LIMIT=0).
        return 1 <= requests;
      }
      current.count += 1;
      return current.count <= requests;
    },
  };
}
