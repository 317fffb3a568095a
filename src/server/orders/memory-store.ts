import type { Order, OrderStore } from './order';

/** Orders in memory: for tests and for runtimes without a disk until a real store is plugged in. */
export function memoryOrderStore(): OrderStore {
  const orders = new Map<string, Order>();
  const events = new Set<string>();
  return {
    async saveOrder(order) {
      if (orders.has(order.id)) return 'exists';
      orders.set(order.id, order);
      return 'created';
    },
    async getOrder(id) {
      return orders.get(id);
    },
    async listOrders() {
      return [...orders.values()];
    },
    async markEventProcessed(eventId) {
      if (events.has(eventId)) return false;
      events.add(eventId);
      return true;
    },
    async hasProcessedEvent(eventId) {
      return events.has(eventId);
    },
  };
}
