import { describe, expect, it } from 'vitest';
import { strictCsp } from '../../server/http/security';
import { initialChoices, type EmbedChoices } from './choices';
import { embedWarnings, pageOrigin, stripeCspLines, type EmbedContext } from './warnings';

const shop = 'https://shop.example.com';
const choices = (over: Partial<EmbedChoices> = {}): EmbedChoices => ({ ...initialChoices(shop), ...over });
const context = (over: Partial<EmbedContext> = {}): EmbedContext => ({ embeddedCheckout: false, pageAddress: 'https://www.example.com/shop', ...over });
const kinds = (list: { kind: string }[]) => list.map((w) => w.kind);

describe('embedWarnings: the script tag and the custom element', () => {
  it.each(['script', 'element'] as const)('%s on another site needs that origin in FANSHOP_ALLOWED_ORIGINS, and the shop in its CSP', (way) => {
    const warnings = embedWarnings(choices({ way }), context());
    expect(warnings).toEqual([
      { kind: 'allowed-origins', setting: 'FANSHOP_ALLOWED_ORIGINS=https://www.example.com' },
      { kind: 'page-csp', lines: [`script-src ${shop}`, `connect-src ${shop}`, `img-src ${shop}`] },
    ]);
  });

  it('asks for the origins setting when the page’s address is not known yet', () => {
    expect(kinds(embedWarnings(choices(), context({ pageAddress: '' })))).toEqual(['allowed-origins-unknown', 'page-csp']);
  });

  it('needs nothing on the shop’s own origin', () => {
    expect(embedWarnings(choices(), context({ pageAddress: `${shop}/landing` }))).toEqual([]);
  });

  it('names Stripe’s CSP lines when the server runs embedded checkout', () => {
    const warnings = embedWarnings(choices({ way: 'element' }), context({ embeddedCheckout: true }));
    expect(warnings).toContainEqual({ kind: 'stripe-csp', lines: stripeCspLines });
    expect(kinds(embedWarnings(choices(), context({ embeddedCheckout: false })))).not.toContain('stripe-csp');
  });

  it('names the same Stripe hosts the shop’s own pages allow', () => {
    const ours = strictCsp({ stripe: true });
    for (const line of stripeCspLines) {
      const [directive, ...hosts] = line.split(' ');
      const allowed = ours.split('; ').find((d) => d.startsWith(`${directive} `))!;
      for (const host of hosts) expect(allowed.split(' ')).toContain(host);
    }
  });

  it('says a typed address that is not one is not one', () => {
    const warnings = embedWarnings(choices(), context({ pageAddress: 'www.example' }));
    expect(warnings[0]).toEqual({ kind: 'page-address-invalid', value: 'www.example' });
    expect(kinds(warnings)).not.toContain('allowed-origins');
  });
});

describe('embedWarnings: the iframe', () => {
  it('needs no CSP lines and no allowed origins', () => {
    expect(embedWarnings(choices({ way: 'iframe' }), context())).toEqual([]);
  });

  it('says a framed shop keeps Stripe’s hosted page', () => {
    expect(kinds(embedWarnings(choices({ way: 'iframe' }), context({ embeddedCheckout: true })))).toEqual(['frame-hosted-checkout']);
  });

  it('has nothing to say of a chosen look: the framed page takes it from its address (snippet.ts)', () => {
    const themed = choices({ way: 'iframe', theme: { ...initialChoices(shop).theme, primary: '#c0392b' } });
    expect(embedWarnings(themed, context())).toEqual([]);
  });
});

describe('embedWarnings: Payment Links', () => {
  it('asks for every product’s link, and neither allowed origins nor Stripe’s CSP', () => {
    const warnings = embedWarnings(choices({ way: 'payment-links' }), context({ embeddedCheckout: true }));
    expect(kinds(warnings)).toEqual(['payment-links', 'page-csp']);
  });
});

describe('pageOrigin', () => {
  it.each([
    ['https://www.example.com/shop?x=1', 'https://www.example.com'],
    [' http://localhost:3000/ ', 'http://localhost:3000'],
    ['ftp://example.com', null],
    ['example.com', null],
    ['', null],
  ])('%s -> %s', (address, origin) => {
    expect(pageOrigin(address)).toBe(origin);
  });
});
