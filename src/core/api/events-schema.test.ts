import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { EventsRequestSchema } from './events-schema';
import { normalSearchText } from './events';

describe('EventsRequestSchema', () => {
  const shopper = 'shopper-aaaaaaaaaaaa';
  it('takes what the widget sends', () => {
    const body = { shopper, events: [{ type: 'view', at: 1, productIds: ['mug'] }, { type: 'search', at: 2, query: 'Unicorn', results: 0 }] };
    expect(v.parse(EventsRequestSchema, body)).toEqual(body);
  });

  it.each([
    ['an email beside an event', { shopper, events: [{ type: 'wish', at: 1, productIds: ['mug'], email: 'fan@example.com' }] }, 'email'],
    ['a name beside the batch', { shopper, name: 'Ann', events: [{ type: 'view', at: 1 }] }, 'name'],
    ['a time that is not a whole number', { shopper, events: [{ type: 'view', at: 1.5 }] }, 'at'],
    ['a negative result count', { shopper, events: [{ type: 'search', at: 1, query: 'x', results: -1 }] }, 'results'],
  ])('refuses %s, naming where', (_, body, key) => {
    const result = v.safeParse(EventsRequestSchema, body);
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.path?.map((p) => p.key)).toContain(key);
  });
});

describe('normalSearchText', () => {
  it('counts searches that differ only in case and spaces as one, at most 100 characters', () => {
    expect(normalSearchText('  Unicorn   SOCKS ')).toBe('unicorn socks');
    expect(normalSearchText('x'.repeat(150))).toHaveLength(100);
  });
});
