import type { FanshopEventHandlers, FanshopEventName, FanshopEventPayloads } from './social/events';

/**
 * Every option of the widget, with its default. This file is the one place defaults live; the
 * README's "Configuration" table is written from it.
 *
 * Options come from (lowest to highest): these defaults, `window.FanshopConfig`, the `data-*`
 * attributes of the script tag and of the `<div data-fanshop>` it mounts into, and the object
 * passed to `Fanshop.mount(element, config)`.
 */
export interface ThemeTokens {
  /** Buttons, links, focus ring. Default `#0f5cc0`. */
  primary: string;
  /** Text on primary buttons. Default `#ffffff`. */
  onPrimary: string;
  /** Shop background. Default `#ffffff` (dark: `#111418`). */
  background: string;
  /** Body text. Default `#1b1f24` (dark: `#e8eaed`). */
  text: string;
  /** Corner radius of cards, buttons and images. Default `12px`. */
  radius: string;
  /** Default: the system UI font stack. */
  fontFamily: string;
  /** `comfortable` (default) or `compact` spacing. */
  density: 'comfortable' | 'compact';
  /** Most grid columns on wide screens, 1 to 6. Default `4`. */
  columns: number;
  /** `light` (default), `dark`, or `auto` to follow the shopper's system setting. */
  scheme: 'light' | 'dark' | 'auto';
}

export interface FanshopConfig {
  /** URL of the catalog JSON, absolute or relative to the page. Required. */
  catalog: string;
  /** `en`, `de` or a tag such as `de-AT`. Default: the page's `lang`, then the browser's languages. */
  locale?: string;
  /** Theme tokens; each becomes a CSS custom property (`--fanshop-primary`, …). */
  theme?: Partial<ThemeTokens>;
  /** Override any label: `{ addToCart: 'Buy' }`, or per language: `{ de: { addToCart: 'Kaufen' } }`. */
  labels?: Record<string, unknown>;
  /** Heading level of the shop's title (cards use the next level). Default `2`. */
  headingLevel?: 1 | 2 | 3 | 4;
  /** Show the shop name above the toolbar. Default `true`. */
  showTitle?: boolean;
  /** Most units of one line in the cart. Default `99`. */
  maxQuantity?: number;
  /** Most different lines in the cart. Default `50`. */
  maxLines?: number;
  /** The checkout endpoint. Default: `/api/checkout` on the server that serves fanshop.js. */
  checkoutUrl?: string;
  /** Open the shop at this product (product pages `/p/<id>` set it). Default: none, the grid. */
  product?: string;
  /**
   * The likes endpoint. Default: `/api/likes` on the server that serves fanshop.js when the
   * catalog comes from that server; otherwise likes are kept on the shopper's device only.
   */
  likesUrl?: string;
  /** A Facebook app id: "Share on Facebook" then uses the Share Dialog (with the hashtag). */
  facebookAppId?: string;
  /** A hashtag the Facebook Share Dialog adds, such as `#nordlicht`. */
  shareHashtag?: string;
  /** A Meta Pixel id: the shop's events become Pixel events. An `fbq` already on the page is used too. */
  pixelId?: string;
  /**
   * `off`: the shop tells its server nothing of what fans do (views, searches, likes, carts,
   * checkouts), for the studio's numbers. Default `on`, which sends only with a Fanshop server
   * that keeps them and never when the browser asks for Global Privacy Control; nothing
   * personal is sent either way (README, "What the shop tells its server").
   */
  analytics?: 'on' | 'off';
  /** Callbacks per event: `{ add_to_cart(payload) { … } }`. */
  on?: FanshopEventHandlers;
  /** One callback for every event. */
  onEvent?: <E extends FanshopEventName>(name: E, payload: FanshopEventPayloads[E]) => void;
}

/** The theme a shop has when the merchant sets none; the same values are the CSS defaults. */
export const defaultScheme: ThemeTokens['scheme'] = 'light';

/** Options that always have a value once resolved (their defaults); the rest stay optional. */
type Defaulted = 'headingLevel' | 'showTitle' | 'maxQuantity' | 'maxLines';

export interface ResolvedConfig extends Omit<FanshopConfig, Defaulted | 'theme'>, Required<Pick<FanshopConfig, Defaulted>> {
  /** Only the tokens the merchant set: these go inline on the host element; the rest are CSS defaults. */
  theme: Partial<ThemeTokens>;
}

export function resolveConfig(config: FanshopConfig): ResolvedConfig {
  const theme = stripUndefined(config.theme ?? {});
  if (theme.columns !== undefined) theme.columns = clampInt(theme.columns, 1, 6, 4);
  return {
    ...config,
    catalog: config.catalog,
    headingLevel: clampInt(config.headingLevel, 1, 4, 2) as 1 | 2 | 3 | 4,
    showTitle: config.showTitle ?? true,
    maxQuantity: clampInt(config.maxQuantity, 1, 999, 99),
    maxLines: clampInt(config.maxLines, 1, 500, 50),
    theme,
  };
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

const themeKeys: (keyof ThemeTokens)[] = ['primary', 'onPrimary', 'background', 'text', 'radius', 'fontFamily', 'density', 'columns', 'scheme'];

/** Options a `data-*` attribute can set, as written (resolveConfig reads numbers from text). */
const datasetKeys = ['catalog', 'locale', 'product', 'headingLevel', 'maxQuantity', 'maxLines', 'checkoutUrl', 'likesUrl', 'facebookAppId', 'shareHashtag', 'pixelId', 'analytics'] as const;

/**
 * Reads options from `data-*` attributes: `data-catalog`, `data-locale`, `data-product`,
 * `data-heading-level`, `data-show-title="false"`, `data-max-quantity`, `data-max-lines`,
 * `data-checkout-url`, `data-likes-url`, `data-facebook-app-id`, `data-share-hashtag`,
 * `data-pixel-id`, `data-analytics="off"`, and any theme token as `data-theme-<token>` (`data-theme-primary="#c00"`,
 * `data-theme-font-family="Georgia, serif"`). Empty and unknown attributes are left out.
 */
export function configFromDataset(dataset: DOMStringMap): Partial<FanshopConfig> {
  const config: Record<string, unknown> = {};
  for (const key of datasetKeys) if (dataset[key]) config[key] = dataset[key];
  if (dataset.showTitle) config.showTitle = dataset.showTitle !== 'false';
  const theme: Record<string, unknown> = {};
  for (const key of themeKeys) {
    const value = dataset[`theme${key[0]!.toUpperCase()}${key.slice(1)}`];
    if (value) theme[key] = value;
  }
  if (Object.keys(theme).length) config.theme = theme;
  return config as Partial<FanshopConfig>;
}

/**
 * The options of a shop the script tag mounts (auto-mount.ts): `window.FanshopConfig`, then the
 * script tag's `data-*`, then its div's, token by token for the theme. The server's first view for the loader (ssr.tsx) is
 * rendered from the same.
 */
export function embedConfig(global: Partial<FanshopConfig> | null | undefined, scriptData: DOMStringMap | null, divData: DOMStringMap): Partial<FanshopConfig> {
  const script = scriptData ? configFromDataset(scriptData) : {};
  const div = configFromDataset(divData);
  // Theme tokens add up: the script tag's primary colour and the div's radius both apply.
  return { ...global, ...script, ...div, theme: { ...global?.theme, ...script.theme, ...div.theme } };
}

/**
 * What of a shop's options shows in its first view's markup and on its host: a first view the
 * server rendered for the loader is hydrated only when the widget's options give the same.
 */
export function viewKey(config: ResolvedConfig): string {
  return JSON.stringify([config.locale ?? '', config.product ?? '', config.headingLevel, config.showTitle, config.labels ?? null, config.theme]);
}

/**
 * The merchant's theme tokens as CSS custom properties for the host element's inline style.
 * Defaults are not set inline: they live in the shadow stylesheet's `:host` rule, which the host
 * page's own CSS overrides (`fanshop-shop { --fanshop-primary: … }` or any selector for the host).
 */
export function themeProperties(theme: Partial<ThemeTokens>): Record<string, string> {
  const props: Record<string, string> = {};
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined) props[`--fanshop-${name}`] = value;
  };
  set('primary', theme.primary);
  set('on-primary', theme.onPrimary);
  set('background', theme.background);
  set('text', theme.text);
  set('radius', theme.radius);
  set('font-family', theme.fontFamily);
  set('density', theme.density === undefined ? undefined : theme.density === 'compact' ? '0.7' : '1');
  set('columns', theme.columns === undefined ? undefined : String(theme.columns));
  return props;
}
