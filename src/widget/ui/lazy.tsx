import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useShop } from '../shop/context';

/**
 * A component whose code arrives on first use, keeping the product view and the cart out of the
 * initial bundle. `preload()` fetches it ahead (after the grid has rendered) so opening is
 * instant; if the chunk fails to load, the shopper gets a Retry button, not a blank.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (c) => void (loaded = c),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  function Lazy(props: P) {
    const { t } = useShop();
    const [state, setState] = useState<'loading' | 'ready' | 'failed'>(loaded ? 'ready' : 'loading');
    const attempt = () => {
      setState('loading');
      preload().then(
        () => setState('ready'),
        (error: unknown) => {
          console.error('[fanshop] could not load part of the shop:', error);
          setState('failed');
        },
      );
    };
    useEffect(() => {
      if (!loaded) attempt();
    }, []);
    if (loaded) return h(loaded, props);
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
  return { Lazy, preload };
}
