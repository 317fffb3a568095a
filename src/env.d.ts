declare const __FANSHOP_VERSION__: string;
/** The server-rendered first view's stylesheet, `/fanshop-first-view-<hash>.css` (scripts/build.mjs). */
declare const __FANSHOP_FIRST_VIEW_CSS__: string;
/** Stylesheets the server sends inside its pages, by path (scripts/widget-base.mjs `serverDefines`). */
declare const __FANSHOP_INLINE_STYLES__: Readonly<Record<string, string>>;
/** Their CSP hash sources (`'sha256-…'`), for `style-src`. */
declare const __FANSHOP_INLINE_STYLE_HASHES__: readonly string[];
