/**
 * Wrong studio passwords, slowed down per client (http/client-address.ts): the first few
 * mistakes are free (typos), then each further try must wait, twice as long after every
 * mistake (1 s, 2 s, 4 s, … at most 15 minutes): a guesser gets a few dozen tries an hour
 * instead of thousands. The right password clears the client's count. In memory, per instance,
 * like the other rate limits (http/rate-limit.ts).
 */

export const FREE_MISTAKES = 5;
const MAX_WAIT_MS = 15 * 60_000;

export interface LoginThrottle {
  /** 0 when the client may try now, else how many milliseconds until it may. */
  wait(client: string, now?: number): number;
  /** A wrong password from the client. */
  failed(client: string, now?: number): void;
  /** The right password: the client's mistakes are forgotten. */
  succeeded(client: string): void;
}

export function loginThrottle(): LoginThrottle {
  const mistakes = new Map<string, { count: number; until: number }>();
  return {
    wait(client, now = Date.now()) {
      const entry = mistakes.get(client);
      return entry ? Math.max(0, entry.until - now) : 0;
    },
    failed(client, now = Date.now()) {
      // Forget clients whose wait is long over, so the map cannot grow without bound.
      if (mistakes.size > 10_000) for (const [key, entry] of mistakes) if (now - entry.until > MAX_WAIT_MS) mistakes.delete(key);
      const count = (mistakes.get(client)?.count ?? 0) + 1;
      const wait = count <= FREE_MISTAKES ? 0 : Math.min(MAX_WAIT_MS, 1000 * 2 ** (count - FREE_MISTAKES - 1));
      mistakes.set(client, { count, until: now + wait });
    },
    succeeded(client) {
      mistakes.delete(client);
    },
  };
}
