import type { Order, OrderStore } from './order';

/**
 * The parts of a Workers KV namespace binding this store uses, typed here so the repository
 * needs no @cloudflare/workers-types. https://developers.cloudflare.com/kv/api/
 */
export interface KvNamespace {
  get(key: string, type: 'text'): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
  list(options: { prefix: string; cursor?: string }): Promise<{ keys: { name: string }[]; list_complete: boolean; cursor?: string }>;
}

/**
 * Stripe retries a failed delivery for up to three days (live mode), so an event id is kept for
 * thirty: long enough to recognise every retry, short enough that the namespace does not grow
 * forever. https://docs.stripe.com/webhooks ("Retry behavior")
 */
const EVENT_TTL_SECONDS = 30 * 24 * 60 * 60;

/**
 * Orders in a Workers KV namespace (the `FANSHOP_ORDERS` binding of wrangler.jsonc): one key
 * `order:<session id>` per order, one key `event:<event id>` per processed webhook event.
 *
 * KV is eventually consistent and has no compare-and-set: "save unless it exists" is a read
 * followed by a write, not one atomic step, and a write can take up to a minute to be seen in
 * other Cloudflare locations (https://developers.cloudflare.com/kv/concepts/how-kv-works/).
 * What that means here: two deliveries of the same event racing through two locations can both
 * get `created`, so the merchant's `onOrder` hook may run twice for one order. The order itself
 * is never doubled or lost, because it is keyed by its Checkout Session id and both writes carry
 * the same content. A shop with many orders a minute, or a hook that must run exactly once
 * (stock, fulfilment), plugs in an OrderStore on a Durable Object or on D1 instead; both give
 * atomic "insert unless present".
 */
export function kvOrderStore(kv: KvNamespace): OrderStore {
  // Keys come from Stripe ids; anything else is refused, as in the file store.
  const key = (kind: 'order' | 'event', id: string) => {
    if (!/^[\w-]{1,255}$/.test(id)) throw new Error(`[fanshop] unexpected id ${JSON.stringify(id.slice(0, 40))}`);
    return `${kind}:${id}`;
  };
  const getOrder = async (id: string) => {
    const text = await kv.get(key('order', id), 'text');
    return text === null ? undefined : (JSON.parse(text) as Order);
  };

  return {
    async saveOrder(order) {
      if ((await kv.get(key('order', order.id), 'text')) !== null) return 'exists';
      await kv.put(key('order', order.id), JSON.stringify(order));
      return 'created';
    },
    getOrder,
    async listOrders() {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await kv.list(cursor === undefined ? { prefix: 'order:' } : { prefix: 'order:', cursor });
        ids.push(...page.keys.map((k) => k.name.slice('order:'.length)));
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor !== undefined);
      const orders = await Promise.all(ids.map(getOrder));
      return orders.filter((o): o is Order => o !== undefined).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async markEventProcessed(eventId) {
      if ((await kv.get(key('event', eventId), 'text')) !== null) return false;
      await kv.put(key('event', eventId), new Date().toISOString(), { expirationTtl: EVENT_TTL_SECONDS });
      return true;
    },
    async hasProcessedEvent(eventId) {
      return (await kv.get(key('event', eventId), 'text')) !== null;
    },
  };
}
