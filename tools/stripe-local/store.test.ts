import { describe, expect, it } from 'vitest';
import { newCheckoutSession, type WireEvent } from './objects';
import { IdempotencyStore, SessionStore } from './store';

const response = { status: 200, body: '{}', requestId: 'req_1' };

describe('IdempotencyStore', () => {
  it('replays a key for 24 hours and then treats it as new', () => {
    let now = 0;
    const store = new IdempotencyStore(() => now);
    store.record('a', '/v1/checkout/sessions', 'p', response);
    now = IdempotencyStore.TTL_MS;
    store.record('b', '/v1/checkout/sessions', 'p', response);
    expect(store.check('a', '/v1/checkout/sessions', 'p').kind).toBe('replay');
    now = IdempotencyStore.TTL_MS + 1;
    expect(store.check('a', '/v1/checkout/sessions', 'p').kind).toBe('new');
    expect(store.check('b', '/v1/checkout/sessions', 'p').kind).toBe('replay');
  });

  it('keeps a key recorded again after it expired', () => {
    let now = 0;
    const store = new IdempotencyStore(() => now);
    store.record('a', '/v1/checkout/sessions', 'p', response);
    now = IdempotencyStore.TTL_MS + 1;
    store.record('a', '/v1/checkout/sessions', 'q', response);
    store.record('b', '/v1/checkout/sessions', 'p', response);
    expect(store.check('a', '/v1/checkout/sessions', 'q').kind).toBe('replay');
  });
});

describe('SessionStore', () => {
  const t0 = 1_767_225_600;
  /** A store on a clock the test moves (`clock.now`, milliseconds), with the events it emitted. */
  const setup = () => {
    const clock = { now: t0 * 1000 };
    const events: WireEvent[] = [];
    const store = new SessionStore(() => clock.now, (event) => events.push(event));
    const open = (lifetime = 3600) => {
      const session = newCheckoutSession({
        params: { mode: 'payment', ui_mode: 'hosted_page', success_url: 'https://shop.example/thanks', lines: [], currency: 'eur', metadata: {}, expires_at: Math.floor(clock.now / 1000) + lifetime, expand: [] },
        created: Math.floor(clock.now / 1000),
        publicUrl: 'http://localhost:8787/_stripe',
      });
      store.add(session, [], []);
      return session.id;
    };
    return { clock, events, store, open };
  };

  it('emits checkout.session.completed when a session is paid, and nothing for a second payment', () => {
    const { events, store, open } = setup();
    const id = open();
    store.complete(id, { email: 'fan@example.com' });
    expect(store.complete(id, { email: 'fan@example.com' })).toBeNull();
    expect(events.map((event) => [event.type, event.created, event.data.object.status])).toEqual([['checkout.session.completed', t0, 'complete']]);
    expect(events[0]!.request).toEqual({ id: null, idempotency_key: null });
  });

  it('expires a session read after its expires_at, once, with an event dated at expires_at', () => {
    const { clock, events, store, open } = setup();
    const id = open(3600);
    clock.now += 3599 * 1000;
    expect(store.get(id)!.session.status).toBe('open');
    clock.now += 2 * 3600 * 1000;
    expect(store.get(id)!.session).toMatchObject({ status: 'expired', url: null });
    store.get(id);
    expect(events.map((event) => [event.type, event.created])).toEqual([['checkout.session.expired', t0 + 3600]]);
    expect(store.complete(id, { email: 'fan@example.com' })).toBeNull();
  });

  it('never expires a paid session', () => {
    const { clock, events, store, open } = setup();
    const id = open();
    store.complete(id, { email: 'fan@example.com' });
    clock.now += 48 * 3600 * 1000;
    expect(store.get(id)!.session.status).toBe('complete');
    expect(events.map((event) => event.type)).toEqual(['checkout.session.completed']);
  });
});
