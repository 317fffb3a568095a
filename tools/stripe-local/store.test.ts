import { describe, expect, it } from 'vitest';
import { IdempotencyStore } from './store';

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
