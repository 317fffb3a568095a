declare const __FANSHOP_VERSION__: string;
/** The server-rendered first view's stylesheet, `/fanshop-first-view-<hash>.css` (scripts/build.mjs). */
declare const __FANSHOP_FIRST_VIEW_CSS__: string;
