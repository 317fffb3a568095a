import type { CatalogEnvelope } from '../core/catalog/envelope';
import type { Catalog } from '../core/catalog/types';

/**
 * What the server's one page module that renders the widget's first view (server/pages/
 * first-view.ts) knows of ssr.tsx. Types only, on no platform: the server's TypeScript projects
 * (Node, Workers) read this file instead of the widget's components, which need the DOM's types
 * (package.json `imports`: `#widget-ssr`).
 */
export interface FirstViewInput {
  /** The parsed catalog as GET /catalog.json?fanshop=1 answers it (a big catalog: its first page). */
  readonly envelope: Extract<CatalogEnvelope, { catalog: Catalog }>;
  /** The catalog's URL as the widget resolves `data-catalog` against the page, absolute. */
  readonly catalogUrl: string;
  /** The page's `lang`, which the widget speaks unless `locale` says otherwise. */
  readonly pageLang: string;
  /** The `data-*` options of the shop's div that change what it shows. */
  readonly locale?: string | undefined;
  readonly product?: string | undefined;
  readonly headingLevel?: 1 | 2 | 3 | 4;
}

export interface FirstView {
  /** The shadow root's content: the widget's App, as the widget renders it with this catalog. */
  readonly html: string;
  /** The BCP 47 tag it speaks; the widget hydrates only when it chose the same. */
  readonly locale: string;
  /** The product whose view it shows, else null (the grid: also for a product not in the envelope). */
  readonly product: string | null;
}

export type RenderFirstView = (input: FirstViewInput) => Promise<FirstView>;

/** ssr.tsx's export, as the server sees it. */
export declare const renderFirstView: RenderFirstView;

/** The loader's request for a script-tag shop's first view (widget/embed.ts), as it sends it. */
export interface EmbedViewInput {
  readonly envelope: FirstViewInput['envelope'];
  readonly catalogUrl: string;
  /** The `view` parameter: `[window.FanshopConfig, the script's data-*, the div's data-*, the page's lang]`, untrusted. */
  readonly view: string;
  /** The browser's languages, from Accept-Language. */
  readonly browser: readonly string[];
}

export interface EmbedView extends FirstView {
  /** config.ts `viewKey` of the options it was rendered with. */
  readonly key: string;
  /** The host's custom properties for the merchant's theme. */
  readonly theme: Record<string, string>;
}

/** ssr.tsx's export for the loader's first view; null for a `view` that is not the loader's. */
export type RenderEmbedView = (input: EmbedViewInput) => Promise<EmbedView | null>;
export declare const renderEmbedView: RenderEmbedView;
