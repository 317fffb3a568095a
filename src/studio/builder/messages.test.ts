import { describe, expect, it } from 'vitest';
import { builderMessages, builderTables } from './messages';
import type { EmbedWarning } from './warnings';

describe('builderMessages', () => {
  it('speaks the page’s language, then the browser’s, then English', () => {
    expect(builderMessages('de', ['en-US'])).toBe(builderTables.de);
    expect(builderMessages('', ['fr-FR', 'de-AT'])).toBe(builderTables.de);
    expect(builderMessages('en', ['de'])).toBe(builderTables.en);
    expect(builderMessages('fr', ['es'])).toBe(builderTables.en);
  });

  it('has a text for every warning in both languages, naming what to set', () => {
    const warnings: EmbedWarning[] = [
      { kind: 'stripe-csp', lines: ['script-src https://js.stripe.com'] },
      { kind: 'page-csp', lines: ['script-src https://shop.example.com'] },
      { kind: 'allowed-origins', setting: 'FANSHOP_ALLOWED_ORIGINS=https://www.example.com' },
      { kind: 'allowed-origins-unknown', setting: 'FANSHOP_ALLOWED_ORIGINS' },
      { kind: 'page-address-invalid', value: 'www.example' },
      { kind: 'frame-hosted-checkout' },
      { kind: 'payment-links' },
    ];
    for (const table of [builderTables.en, builderTables.de]) {
      const texts = warnings.map(table.warning);
      expect(new Set(texts).size).toBe(warnings.length);
      expect(texts[0]).toContain('script-src https://js.stripe.com');
      expect(texts[2]).toContain('FANSHOP_ALLOWED_ORIGINS=https://www.example.com');
      expect(texts[4]).toContain('www.example');
    }
    expect(builderTables.de.warning(warnings[6]!)).not.toBe(builderTables.en.warning(warnings[6]!));
  });
});
