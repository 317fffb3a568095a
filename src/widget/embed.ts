import type { FanshopConfig } from './config';
import type { FanshopEventHandler, FanshopEventName } from './social/events';
import type { FanshopInstance } from './mount';

/**
 * fanshop.js, the script-tag entry, kept tiny:
 *   <script src="https://shop.example/fanshop.js" data-catalog="/catalog.json" async></script>
 * It loads fanshop.mjs (the widget, split so the product view and cart arrive only when needed)
 * from beside itself and mounts into every `<div data-fanshop>`, or right after the tag.
 * `window.Fanshop.mount` works at once: the returned instance queues calls until the module is in.
 * Including the script twice is harmless: the second copy sees `window.Fanshop` and stops.
 */
type Module = typeof import('./index');

declare global {
  interface Window {
    Fanshop?: {
      mount(element: Element, config: FanshopConfig): FanshopInstance;
      version: string;
      ready: Promise<Module>;
    };
  }
}

/** A shop's element whose first view the server rendered: its taps until the widget takes over. */
export type EarlyHost = HTMLElement & { fanshopTaps?: EventTarget[] | undefined };

const script = document.currentScript as HTMLScriptElement | null;

if (!window.Fanshop) {
  // A first view the server rendered (server/pages/first-view.ts) shows buttons before the
  // widget's code is in; a tap on one is kept here, on the node it hit, and done once the widget
  // has taken the view over (shop/hydrate.ts), so a shopper's tap is never lost.
  document.querySelectorAll<EarlyHost>('[data-fanshop]').forEach((host) => {
    if (!host.shadowRoot) return;
    host.fanshopTaps = [];
    host.shadowRoot.addEventListener('click', (e) => host.fanshopTaps?.push(e.composedPath()[0]!), true);
  });
  const moduleUrl = new URL('fanshop.mjs', script?.src ?? location.href).href;
  const ready: Promise<Module> = import(/* @vite-ignore */ moduleUrl);
  ready.catch((error) => console.error(`[fanshop] could not load ${moduleUrl}:`, error));
  window.Fanshop = {
    version: __FANSHOP_VERSION__,
    ready,
    mount(element, config) {
      let real: FanshopInstance | undefined;
      const queue: ((i: FanshopInstance) => void)[] = [];
      void ready.then((m) => {
        real = m.mount(element, config);
        queue.forEach((fn) => fn(real!));
      });
      const later = (fn: (i: FanshopInstance) => void) => (real ? fn(real) : queue.push(fn));
      return {
        unmount: () => later((i) => i.unmount()),
        on<E extends FanshopEventName>(name: E, handler: FanshopEventHandler<E>) {
          let off: (() => void) | undefined;
          let cancelled = false;
          later((i) => {
            if (!cancelled) off = i.on(name, handler);
          });
          return () => {
            cancelled = true;
            off?.();
          };
        },
      };
    },
  };
  const data = script ? { ...script.dataset } : null;
  const start = () => void ready.then((m) => m.autoMount(data, script));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
