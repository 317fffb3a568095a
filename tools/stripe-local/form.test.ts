import { describe, expect, it } from 'vitest';
import { bracketPath, parseForm } from './form';

const value = (body: string) => {
  const result = parseForm(body);
  if (!result.ok) throw new Error(`expected ${body} to parse, got ${result.problem.message}`);
  return result.value;
};
const problem = (body: string) => {
  const result = parseForm(body);
  if (result.ok) throw new Error(`expected ${body} to fail, got ${JSON.stringify(result.value)}`);
  return result.problem;
};

describe('parseForm', () => {
  it('reads the nested line items stripe-node sends', () => {
    const body =
      'mode=payment&line_items[0][price_data][currency]=eur&line_items[0][price_data][unit_amount]=2490' +
      '&line_items[0][price_data][product_data][name]=Tour%20Shirt&line_items[0][price_data][product_data][images][0]=https%3A%2F%2Fshop.example%2Fa.jpg' +
      '&line_items[0][quantity]=2&line_items[1][price]=price_123&line_items[1][quantity]=1';
    expect(value(body)).toEqual({
      mode: 'payment',
      line_items: [
        { price_data: { currency: 'eur', unit_amount: '2490', product_data: { name: 'Tour Shirt', images: ['https://shop.example/a.jpg'] } }, quantity: '2' },
        { price: 'price_123', quantity: '1' },
      ],
    });
  });

  it('decodes + as a space and percent-encoded brackets like literal ones', () => {
    expect(value('metadata%5Bnote%5D=gift+wrap%21')).toEqual({ metadata: { note: 'gift wrap!' } });
  });

  it('keeps metadata a hash even when its keys are numbers', () => {
    expect(value('metadata[0]=a&metadata[5]=b')).toEqual({ metadata: { 0: 'a', 5: 'b' } });
  });

  it('appends with [] the way Stripe’s curl examples write arrays', () => {
    expect(value('expand[]=line_items&expand[]=payment_intent')).toEqual({ expand: ['line_items', 'payment_intent'] });
  });

  it('accepts array indices in any order as long as none is missing', () => {
    expect(value('a[1]=y&a[0]=x')).toEqual({ a: ['x', 'y'] });
  });

  it('keeps the last of repeated scalar keys, as Rack does', () => {
    expect(value('locale=en&locale=de')).toEqual({ locale: 'de' });
  });

  it('reads a key without = as an empty value and ignores empty pairs', () => {
    expect(value('a&&b=1')).toEqual({ a: '', b: '1' });
  });

  it('parses an empty body to an empty object', () => {
    expect(value('')).toEqual({});
  });

  it('treats __proto__ as an ordinary key without touching prototypes', () => {
    const parsed = value('__proto__[polluted]=yes');
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an array with a gap, naming the array', () => {
    const p = problem('line_items[0][quantity]=1&line_items[2][quantity]=1');
    expect(p).toMatchObject({ kind: 'invalid_array', param: 'line_items' });
    expect(p.message).toMatch(/^Invalid array/);
  });

  it('refuses an array that does not start at 0', () => {
    expect(problem('line_items[1][quantity]=1')).toMatchObject({ kind: 'invalid_array', param: 'line_items' });
  });

  it.each(['a[', 'a]', 'a[b', 'a[b]c', '[a]', '=1', 'a[b]]', 'a[][b]'])('refuses the malformed key %j', (key) => {
    expect(problem(`${key}=1`).kind).toBe('malformed_key');
  });

  it('refuses a key used both as a value and as a hash', () => {
    expect(problem('a=1&a[b]=2')).toMatchObject({ kind: 'conflict', param: 'a' });
    expect(problem('a[b]=2&a=1')).toMatchObject({ kind: 'conflict', param: 'a' });
  });

  it('refuses mixing appended and indexed elements', () => {
    expect(problem('a[]=1&a[0]=2').kind).toBe('conflict');
  });

  it('refuses broken percent-encoding', () => {
    expect(problem('name=%E0%A4%A').kind).toBe('encoding');
  });

  it('refuses absurd nesting', () => {
    expect(problem(`a${'[b]'.repeat(20)}=1`).kind).toBe('too_large');
  });
});

describe('bracketPath', () => {
  it('names a param path the way Stripe errors do', () => {
    expect(bracketPath(['line_items', 0, 'price_data', 'unit_amount'])).toBe('line_items[0][price_data][unit_amount]');
    expect(bracketPath(['mode'])).toBe('mode');
  });
});
