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
 *
 * It also starts each shop's catalog request at once. From the server that serves this file, the
 * answer starts with the shop's first view as HTML (server/pages/first-view.ts `embedFirstView`),
 * which goes into the shop's shadow root as soon as it and its stylesheet are in, and only then
 * is fanshop.mjs asked for; the widget hydrates that view and takes the catalog from the rest of
 * the same answer (mount.ts). So the first cards need this file, that HTML and its stylesheet,
 * and nothing else competes with them. A catalog from anywhere else loads in parallel with
 * fanshop.mjs, which renders it.
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

/** The head of a first view the server rendered for the loader (server/pages/first-view.ts). */
export interface ViewHead {
  readonly format: 'fanshop/first-view@1';
  /** The BCP 47 tag it speaks; and the product whose view it shows, else null. */
  readonly locale: string;
  readonly product: string | null;
  /** What of the options it was rendered with changes the markup (config.ts `viewKey`). */
  readonly key: string;
  /** The merchant's theme as the host's custom properties (config.ts `themeProperties`). */
  readonly theme: Record<string, string>;
  /** The first view's stylesheet, beside fanshop.js. */
  readonly stylesheet: string;
  /** How long the HTML after the head's line is (UTF-16 code units); the envelope follows. */
  readonly length: number;
}

/** What the loader started for one shop; mount() takes it (once). */
export interface Prefetch {
  /** The catalog it asked for, as the page names it, absolute. */
  readonly url: string;
  /** The catalog's answer: the envelope (or the merchant's file), for shop/load.ts. */
  readonly catalog: Promise<Response>;
  /** The head of the first view now in the shadow root, once it is in. */
  head?: ViewHead;
  /** Set by mount() when it renders on its own first: the loader then puts nothing in. */
  claimed?: boolean;
}

/**
 * A shop's element: the taps on a first view the server rendered until the widget takes over,
 * and the loader's head start.
 */
export type EarlyHost = HTMLElement & { fanshopTaps?: EventTarget[] | undefined; fanshopPrefetch?: Prefetch | undefined };

const script = document.currentScript as HTMLScriptElement | null;

/**
 * Starts a shop's catalog request, asking the server that serves this file for the first view
 * too; resolves once that view is in the shadow root, or is known not to come.
 */
function prefetch(host: EarlyHost, catalog: string, options: unknown[], here: string, keepTaps: (host: EarlyHost) => void): Promise<unknown> {
  const url = new URL(catalog, document.baseURI);
  const catalogHref = url.href;
  url.searchParams.set('fanshop', '1');
  const view = JSON.stringify(options);
  // Only this file's own server is asked (shop/load.ts trusts only its envelope); from anywhere
  // else the catalog and fanshop.mjs load in parallel.
  const own = url.origin === new URL(here).origin && view.length < 4000;
  if (own) url.searchParams.set('view', view);
  let settle!: () => void;
  let viewing = false;
  const settled = own ? new Promise<void>((resolve) => (settle = resolve)) : Promise.resolve();
  const shown: Prefetch = {
    url: catalogHref,
    catalog: fetch(url, { credentials: 'omit' })
      .then(async (response) => {
        if (!response.ok || !response.headers.get('Content-Type')?.startsWith('text/vnd.fanshop.first-view')) return response;
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        let text = '';
        let start = 0;
        let head: ViewHead | undefined;
        let styled: Promise<CSSStyleSheet> | undefined;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += value;
          if (!head && (start = text.indexOf('\n') + 1)) {
            head = JSON.parse(text.slice(0, start)) as ViewHead;
            // The stylesheet is asked for at once, and goes in with the HTML, in one task: the
            // view never shows unstyled, and the host keeps the room the page gives it until
            // the cards are there (the sheet's :host resets the page's rules for it).
            styled = fetch(new URL(head.stylesheet, here))
              .then((css) => (css.ok ? css.text() : Promise.reject(new Error(`HTTP ${css.status}`))))
              .then((css) => {
                const sheet = new CSSStyleSheet();
                sheet.replaceSync(css);
                return sheet;
              });
          }
          if (head && !viewing && text.length >= start + head.length) {
            viewing = true;
            const { theme } = head;
            const template = document.createElement('template');
            template.innerHTML = text.slice(start, start + head.length);
            const view = head;
            // Without its stylesheet the view stays out, and the widget renders the shop.
            void styled!.then((sheet) => {
              if (!shown.claimed) {
                for (const [name, value] of Object.entries(theme)) host.style.setProperty(name, value);
                const root = host.attachShadow({ mode: 'open' });
                root.adoptedStyleSheets = [sheet];
                root.append(template.content);
                shown.head = view;
                keepTaps(host);
              }
            }, console.error).finally(settle);
          }
        }
        return new Response(text.slice(start + (head?.length ?? 0)), { status: response.status, headers: { 'Content-Type': 'application/json' } });
      })
      // Not a first view, or a broken answer: the widget renders the shop itself.
      .finally(() => own && !viewing && settle()),
  };
  host.fanshopPrefetch = shown;
  return settled;
}

/** Once the browser has painted what is on screen now (a frame, then a task); at once in a hidden page, which paints nothing. */
const painted = () => new Promise<void>((resolve) => (document.visibilityState === 'hidden' ? resolve() : requestAnimationFrame(() => setTimeout(resolve, 0))));

if (!window.Fanshop) {
  const here = script?.src ?? location.href;
  const moduleUrl = new URL('fanshop.mjs', here).href;
  const data = script ? { ...script.dataset } : null;
  // A first view in a shop's shadow root shows buttons before the widget's code is in; a tap on
  // one is kept here, on the node it hit, and done once the widget has taken the view over
  // (shop/hydrate.ts), so a shopper's tap is never lost.
  const keepTaps = (host: EarlyHost) => {
    if (host.fanshopTaps) return;
    host.fanshopTaps = [];
    host.shadowRoot!.addEventListener('click', (e) => host.fanshopTaps?.push(e.composedPath()[0]!), true);
  };
  // One the server put in the page itself (declarative shadow DOM), from now on.
  const declared = () => document.querySelectorAll<EarlyHost>('[data-fanshop]').forEach((host) => host.shadowRoot && keepTaps(host));
  declared();
  // Once the page's shops are there: each one's catalog (and first view), then fanshop.mjs, once
  // every first view is in and painted, or known not to come: the first cards need none of it,
  // and it does not compete with them for a slow phone's connection or its CPU.
  const ready = new Promise<void>((resolve) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }) : resolve())).then(() => {
    declared();
    const global = window.FanshopConfig;
    let hosts = Array.from(document.querySelectorAll<EarlyHost>('[data-fanshop]'));
    // auto-mount.ts makes the same div when there is none.
    if (!hosts.length && script?.parentNode && (data?.catalog || global?.catalog)) {
      const div = document.createElement('div');
      div.setAttribute('data-fanshop', '');
      script.after(div);
      hosts = [div];
    }
    const views = hosts.map((host) => {
      const catalog = host.dataset.catalog || data?.catalog || global?.catalog;
      // The options the widget will mount with (auto-mount.ts) and the page's language, as written.
      return host.shadowRoot || host.fanshopPrefetch || !catalog ? null : prefetch(host, catalog, [global ?? null, data, { ...host.dataset }, document.documentElement.lang], here, keepTaps);
    });
    // A first view on screen is painted before the widget's code is asked for: its compiling and
    // running would hold that frame back (issue 12's bench: 20 ms on /shop's first card).
    return Promise.all(views)
      .then(() => (hosts.some((host) => host.shadowRoot) ? painted() : undefined))
      .then((): Promise<Module> => import(/* @vite-ignore */ moduleUrl));
  });
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
  void ready.then((m) => m.autoMount(data, script));
}
