import { resolveConfig, themeProperties, type FanshopConfig, type ThemeTokens } from './config';
import { elementConfig, remountKey } from './element/attributes';
import type { FanshopInstance } from './mount';

/**
 * fanshop-element.js, the `<fanshop-shop>` custom element, for pages that write markup (React,
 * Vue, Svelte, or plain HTML):
 *   <script type="module" src="https://shop.example/fanshop-element.js"></script>
 *   <fanshop-shop catalog="https://shop.example/catalog.json" locale="de" theme-primary="#c0392b"></fanshop-shop>
 * Attributes are the script tag's `data-*` options without the prefix; the `theme` and `labels`
 * properties take objects; the shop's events arrive on the element as the DOM events
 * `fanshop:<name>` the widget dispatches on every shop's host (social/events.ts).
 * This file is small and apart from the script tag's first view (scripts/size.mjs): it loads
 * fanshop.mjs, the same module and chunks the script tag uses, from beside itself, once the
 * first element is on the page. Defining it twice (two copies of the script) is harmless.
 */
type Module = typeof import('./index');

const here = import.meta.url;
let widget: Promise<Module> | undefined;
const loadWidget = () => (widget ??= import(/* @vite-ignore */ new URL('fanshop.mjs', here).href));

class FanshopShopElement extends HTMLElement {
  #theme: Partial<ThemeTokens> | null = null;
  #labels: Record<string, unknown> | null = null;
  #instance: FanshopInstance | null = null;
  /** What the running shop was mounted with (attributes.ts `remountKey`), and the properties it set on the host. */
  #key: string | null = null;
  #styled: string[] = [];
  #scheduled = false;
  /** Bumped by every mount and unmount, so a widget module that arrives late mounts only the newest. */
  #generation = 0;
  /**
   * Every attribute counts (config.ts knows which are options), so no list is kept here; but
   * not `style`, which the element sets itself for the theme.
   */
  #attributes = new MutationObserver((records) => {
    if (records.some((r) => r.attributeName !== 'style')) this.#schedule();
  });

  constructor() {
    super();
    this.#attributes.observe(this, { attributes: true });
  }

  connectedCallback(): void {
    // A framework may have set a property before this element was upgraded: it shadows the
    // accessor on the instance, so it is taken here and set again through it.
    for (const name of ['theme', 'labels'] as const) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = (this as Record<string, unknown>)[name];
        delete (this as Record<string, unknown>)[name];
        (this as Record<string, unknown>)[name] = value;
      }
    }
    this.#schedule();
  }

  disconnectedCallback(): void {
    this.#schedule();
  }

  /** Theme tokens (config.ts `ThemeTokens`), over the `theme-*` attributes. */
  get theme(): Partial<ThemeTokens> | null {
    return this.#theme;
  }
  set theme(value: Partial<ThemeTokens> | null) {
    this.#theme = value;
    this.#schedule();
  }

  /** Labels, as the `labels` option: `{ addToCart: 'Buy' }` or `{ de: { addToCart: 'Kaufen' } }`. */
  get labels(): Record<string, unknown> | null {
    return this.#labels;
  }
  set labels(value: Record<string, unknown> | null) {
    this.#labels = value;
    this.#schedule();
  }

  /**
   * Changes wait for the end of the task: a framework sets several attributes and properties in
   * a row, and a move in the page (disconnected, then connected again) keeps the shop.
   */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#update();
    });
  }

  #update(): void {
    if (!this.isConnected) {
      this.#unmount();
      return;
    }
    const config = elementConfig({ attributes: this.attributes, theme: this.#theme, labels: this.#labels });
    if (!config.catalog) {
      this.#unmount();
      console.error('[fanshop] <fanshop-shop> needs a catalog attribute: <fanshop-shop catalog="https://…/catalog.json">');
      return;
    }
    const key = remountKey(config);
    if (key === this.#key) {
      // Only CSS tokens changed: set them on the host, where the shop's styles read them.
      this.#style(config);
      return;
    }
    this.#unmount();
    this.#key = key;
    this.#style(config);
    const generation = this.#generation;
    loadWidget().then(
      (m) => {
        if (generation === this.#generation) this.#instance = m.mount(this, config as FanshopConfig);
      },
      (error: unknown) => console.error(`[fanshop] could not load ${new URL('fanshop.mjs', here).href}:`, error),
    );
  }

  /** The theme's custom properties on the host, and none left of an earlier theme. */
  #style(config: Partial<FanshopConfig>): void {
    const properties = themeProperties(resolveConfig({ catalog: '', ...config }).theme);
    for (const name of this.#styled) if (!(name in properties)) this.style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) this.style.setProperty(name, value);
    this.#styled = Object.keys(properties);
  }

  #unmount(): void {
    this.#generation++;
    this.#instance?.unmount();
    this.#instance = null;
    this.#key = null;
  }
}

if (!customElements.get('fanshop-shop')) customElements.define('fanshop-shop', FanshopShopElement);

declare global {
  interface HTMLElementTagNameMap {
    'fanshop-shop': FanshopShopElement;
  }
}
