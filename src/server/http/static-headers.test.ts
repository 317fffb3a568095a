import { describe, expect, it } from 'vitest';
import { staticHeaders } from './static-headers';

describe('staticHeaders', () => {
  it('lets any origin load the widget’s scripts and the first view’s stylesheet, which fanshop.js fetches', () => {
    for (const path of ['/fanshop.js', '/fanshop.mjs', '/fanshop-element.js', '/fanshop-CartDrawer-C3zJ3vdw.mjs', '/fanshop-first-view-CDQU9Fdg.css']) {
      expect(staticHeaders(path)['Access-Control-Allow-Origin'], path).toBe('*');
    }
  });

  it('keeps other files to their own origin', () => {
    for (const path of ['/catalog.json', '/demo/host.css', '/images/mug.svg']) expect(staticHeaders(path)['Access-Control-Allow-Origin'], path).toBeUndefined();
  });

  it('caches hashed chunks for a year and revalidates the entry files', () => {
    expect(staticHeaders('/fanshop-first-view-CDQU9Fdg.css')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(staticHeaders('/fanshop-element.js')['Cache-Control']).toBe('no-cache');
    expect(staticHeaders('/fanshop.js')['Cache-Control']).toBe('no-cache');
  });
});
