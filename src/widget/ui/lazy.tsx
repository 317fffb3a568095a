import { h, type ComponentType } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useShop } from '../shop/context';
import { lazyModule } from './lazy-module';

/**
 * A component whose code arrives on first use, keeping the product view and the cart out of the
 * initial bundle. `load()` fetches it ahead (after the grid has rendered) so opening is
 * instant; if the chunk fails to load, the shopper gets a Retry button, not a blank.
 */
export function lazy<P extends object>(loader: () => Promise<ComponentType<P>>) {
  const component = lazyModule(loader);
  function Lazy(props: P) {
    const { t, more } = useShop();
    const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
    // useMemo, not useCallback: no other part of the first view needs useCallback's code.
    const attempt = useMemo(() => () => {
      setState('loading');
      // The part and its labels (en-more.ts) arrive together.
      Promise.all([component.load(), more.load()]).then(
        () => setState('ready'),
        (error: unknown) => {
          console.error('[fanshop] could not load part of the shop:', error);
          setState('failed');
        },
      );
    }, [more]);
    const Loaded = more.get() && component.get();
    // Missing at the first render: load, and render again once in. Asking whether it is in *now*
    // (in the effect) was a race: a part the preload (preloadParts) brought in between the render
    // and the effect was never rendered, and the product view stayed blank (e2e/social.spec.ts).
    const missingAtFirstRender = useRef(!Loaded);
    useEffect(() => {
      if (missingAtFirstRender.current) attempt();
    }, [attempt]);
    if (Loaded) return h(Loaded, props);
    if (state === 'failed')
      return (
        <div class="message" role="alert">
          <p>{t.errorNetwork}</p>
          <button type="button" class="button primary" onClick={attempt}>
            {t.retry}
          </button>
        </div>
      );
    return null;
  }
  return { Lazy, load: component.load };
}
