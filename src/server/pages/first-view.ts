import { raw } from 'hono/html';
import type { CatalogEnvelope } from '../../core/catalog/envelope';
// The one server module that imports the widget: its first view, rendered by its own
// components (src/widget/ssr.tsx; eslint.config.js allows this import here alone).
import { renderEmbedView, renderFirstView } from '#widget-ssr';
import { acceptedTags } from './page-locale';
import { html, scriptJson, stylesheet, type Html } from './html';
import { keptBeside } from './kept-beside';

/**
 * The stylesheet of the server-rendered first view: dist/client/fanshop-first-view-<hash>.css
 * (scripts/build.mjs, from src/widget/ui/first-view.css), cached for a year like every hashed
 * file. The loader links it (`embedFirstView`); the pages send it inside the shadow root
 * (inline-styles.ts), which the strict CSP allows by its hash.
 */
export const FIRST_VIEW_STYLESHEET = __FANSHOP_FIRST_VIEW_CSS__;

/**
 * First views made, by the envelope they were made from (catalog/route.ts `parsedEnvelope` gives
 * the same object while the catalog and its stock stay the same) and by the page's settings:
 * /shop sends the same view to every visitor until the stock changes, and rendering it (48
 * cards of a big catalog and their JSON) cost 5 ms of the server's CPU per visit (issue 12).
 */
const MAX_VIEWS_PER_ENVELOPE = 32;

/**
 * What `make` gives for an envelope and a key, made once while the envelope lives; a page's
 * address, language or product, and the loader's options, are the visitor's to choose: a few
 * are kept per envelope.
 */
function madeOncePerEnvelope<T>() {
  const kept = keptBeside<CatalogEnvelope, T>(MAX_VIEWS_PER_ENVELOPE);
  return async (envelope: CatalogEnvelope, key: string, make: () => Promise<T>): Promise<T> =>
    kept.has(envelope, key) ? (kept.get(envelope, key) as T) : kept.set(envelope, key, await make());
}

/** The pages' first views, and the loader's answers (null: a view parameter not the loader's). */
const pageViews = madeOncePerEnvelope<Html>();
const loaderViews = madeOncePerEnvelope<string | null>();

export interface FirstViewOptions {
  /** Loads the envelope GET /catalog.json?fanshop=1 answers (catalog/route.ts), or null. */
  readonly envelope: () => Promise<CatalogEnvelope | null>;
  /** The page's URL, which the widget resolves `catalogPath` against. */
  readonly pageUrl: string;
  /** The div's `data-catalog`, as the page writes it. */
  readonly catalogPath: string;
  /** The page's `lang`; and the div's `data-locale`, `data-product`, `data-heading-level`. */
  readonly pageLang: string;
  readonly locale?: string | undefined;
  readonly product?: string | undefined;
  readonly headingLevel?: 1 | 2 | 3 | 4;
  /** Where the stylesheet lives: the shop's base path ('' at the root). */
  readonly root?: string;
}

/**
 * The children of a page's `<div data-fanshop>` that show the shop before its JavaScript runs
 * and without it: a declarative shadow root (`<template shadowrootmode="open">`, which the
 * parser makes the div's shadow root) holding the widget's first view and its stylesheet, and
 * the envelope it was rendered from as inert JSON, which the widget hydrates with instead of
 * fetching the catalog again (src/widget/mount.ts, shop/hydrate.ts).
 * https://developer.mozilla.org/docs/Web/HTML/Element/template#shadowrootmode
 *
 * Nothing (the div stays empty, and the widget renders it as before) when the catalog cannot be
 * read or is broken, or rendering fails: the page is never worse than without it.
 */
export async function firstView(options: FirstViewOptions): Promise<Html | undefined> {
  try {
    const envelope = await options.envelope();
    if (!envelope || !('catalog' in envelope)) return undefined;
    const input = {
      envelope,
      catalogUrl: new URL(options.catalogPath, options.pageUrl).href,
      pageLang: options.pageLang,
      locale: options.locale,
      product: options.product,
      ...(options.headingLevel ? { headingLevel: options.headingLevel } : {}),
    };
    const key = JSON.stringify([input.catalogUrl, input.pageLang, input.locale, input.product, input.headingLevel, options.root]);
    return await pageViews(envelope, key, async () => {
      const view = await renderFirstView(input);
      const state = { locale: view.locale, product: view.product, envelope };
      return html`<template shadowrootmode="open">${stylesheet(`${options.root ?? ''}${FIRST_VIEW_STYLESHEET}`)}${raw(view.html)}</template><script type="application/json" data-fanshop-first-view>${scriptJson(state)}</script>`;
    });
  } catch (error) {
    console.error('[fanshop] could not render the shop’s first view; the page is sent without it:', error);
    return undefined;
  }
}

/**
 * The first view of a shop the script tag mounts, for the loader (src/widget/embed.ts), which
 * asks for it with the catalog (`?fanshop=1&view=…`) and shows it before the widget's code is
 * in: one line of head (JSON: its language, product, options key, theme, stylesheet, and the
 * HTML's length), the shadow root's HTML, then the envelope the widget hydrates with. Undefined
 * (the envelope alone is sent, as before) when the view parameter is not the loader's or
 * rendering fails.
 */
export async function embedFirstView(
  envelope: Extract<CatalogEnvelope, { catalog: unknown }>,
  options: { catalogUrl: string; view: string; acceptLanguage: string | undefined },
): Promise<string | undefined> {
  try {
    const key = JSON.stringify([options.catalogUrl, options.view, options.acceptLanguage ?? '']);
    const made = await loaderViews(envelope, key, async () => {
      const view = await renderEmbedView({ envelope, catalogUrl: options.catalogUrl, view: options.view, browser: acceptedTags(options.acceptLanguage ?? '') });
      if (!view) return null;
      const head = { format: 'fanshop/first-view@1', locale: view.locale, product: view.product, key: view.key, theme: view.theme, stylesheet: FIRST_VIEW_STYLESHEET.replace(/^\//, ''), length: view.html.length };
      return `${JSON.stringify(head)}\n${view.html}${JSON.stringify(envelope)}`;
    });
    return made ?? undefined;
  } catch (error) {
    console.error('[fanshop] could not render the shop’s first view for the loader; the catalog is sent without it:', error);
    return undefined;
  }
}
