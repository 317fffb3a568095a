// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { ShopContext, type Shop } from '../shop/context';
import { lazy } from './lazy';

/** A shop whose later labels are in already: the part's own code is what is awaited. */
const shop = { t: { errorNetwork: 'Offline', retry: 'Retry' }, more: { get: () => ({}), load: async () => ({}) } } as unknown as Shop;
const Part = () => h('p', null, 'the part');
/** Effects run after the next paint (requestAnimationFrame, then a timeout). */
const afterEffects = () => new Promise((resolve) => setTimeout(resolve, 150));

function mountPart(part: ReturnType<typeof lazy<object>>) {
  const root = document.createElement('div');
  render(h(ShopContext.Provider, { value: shop }, h(part.Lazy, {})), root);
  return root;
}

describe('lazy', () => {
  it('renders a part whose code arrives after it was asked for', async () => {
    const root = mountPart(lazy(async () => Part));
    await afterEffects();
    expect(root.textContent).toBe('the part');
  });

  // The preload (preloadParts) may bring the code in after the part rendered empty but before
  // its effect ran; the part must still render.
  it('renders a part whose code arrives between its first render and its effect', async () => {
    const part = lazy(async () => Part);
    const root = mountPart(part);
    expect(root.textContent).toBe('');
    await part.load();
    await afterEffects();
    expect(root.textContent).toBe('the part');
  });

  it('offers Retry when the code cannot load', async () => {
    const root = mountPart(lazy(() => Promise.reject(new Error('offline'))));
    const error = console.error;
    console.error = () => {};
    await afterEffects();
    console.error = error;
    expect(root.textContent).toBe('OfflineRetry');
  });
});
