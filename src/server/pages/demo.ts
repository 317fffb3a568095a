import { raw } from 'hono/html';
import { html, page, type Html } from './html';
import { firstView, type FirstViewOptions } from './first-view';

/** `/`: a merchant's own page that embeds the shop with the script tag, as the README shows. */
export function demoMerchantPage(options: { lang?: string } = {}): string {
  const snippet = `<div data-fanshop></div>
<script src="/fanshop.js" data-catalog="/catalog.json" async></script>`;
  return page({
    title: 'Nordlicht Supply – our shop',
    lang: options.lang ?? 'en',
    css: ['/demo/host.css'],
    description: 'A demo merchant page with the Fanshop widget embedded by a script tag.',
    body: html`    <header class="site-header">
      <a class="brand" href="/">Nordlicht Supply</a>
      <nav aria-label="Site"><a href="/shop">Full-page shop</a> <a href="/frame">In a 520px frame</a></nav>
    </header>
    <main class="site-main">
      <h1>Coffee, tea and good things for slow mornings</h1>
      <p class="lede">This is a merchant's own page. The shop below is the Fanshop widget, added with two lines of HTML.</p>
      <div data-fanshop></div>
      <script src="/fanshop.js" data-catalog="/catalog.json" async></script>
      <section class="snippet" aria-labelledby="embed-title">
        <h2 id="embed-title">Embed it on your page</h2>
        <pre tabindex="0"><code>${snippet}</code></pre>
      </section>
    </main>
    <footer class="site-footer"><p>Demo shop. No real products are sold.</p></footer>`,
  });
}

/**
 * `/shop`: the standalone full-page shop, for in-app browsers and as the iframe source.
 * `lang`: the page's language, which the widget speaks unless told otherwise (the visitor's:
 * page-locale.ts); `locale`: a tag the widget must use (`data-locale`), such as `?locale=de-AT`
 * or a Facebook viewer's `user.locale`, and the page's language when `lang` is not given.
 * `product` opens it at that product (`data-product`; the Facebook Page tab passes its app_data).
 */
export function standaloneShopPage(options: ShopPageOptions & { firstView?: Html | undefined; theme?: readonly [string, string][] } = {}): string {
  const { lang, locale, product } = shopPageSettings(options);
  // The look from the page's address (page-theme.ts): names from a fixed list, values escaped.
  const theme = (options.theme ?? []).map(([name, value]) => html` ${raw(name)}="${value}"`);
  return page({
    title: 'Nordlicht Supply',
    lang,
    css: ['/demo/shop-page.css'],
    body: html`    <main>
      <div data-fanshop data-heading-level="1"${locale ? html` data-locale="${locale}"` : ''}${product ? html` data-product="${product}"` : ''}${theme}>${options.firstView ?? ''}</div>
    </main>
    <script src="/fanshop.js" data-catalog="/catalog.json" async></script>`,
  });
}

export interface ShopPageOptions {
  lang?: string;
  locale?: string | undefined;
  product?: string | undefined;
}

/**
 * The shop page's `lang` and its div's `data-locale` and `data-product`, as the page writes them:
 * also what its server-rendered first view is rendered for (pages/first-view.ts).
 */
export function shopPageSettings(options: ShopPageOptions): { lang: string; locale: string | undefined; product: string | undefined } {
  const locale = options.locale && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(options.locale) ? options.locale : undefined;
  return { lang: options.lang ?? locale ?? 'en', locale, product: options.product || undefined };
}

/** The first view of /shop and the Page tab: the widget's grid (or `product`), as the page sets it up. */
export function shopPageFirstView(options: ShopPageOptions, view: Omit<FirstViewOptions, 'pageLang' | 'locale' | 'product' | 'catalogPath' | 'headingLevel'>): Promise<Html | undefined> {
  const { lang, locale, product } = shopPageSettings(options);
  return firstView({ ...view, pageLang: lang, locale, product, catalogPath: '/catalog.json', headingLevel: 1 });
}

/**
 * `/frame`: a host page that embeds `/shop` in a 520px iframe, like a Facebook Page tab. The
 * loader passes the page's `lang` to the framed shop.
 */
export function framedShopPage(options: { lang: string }): string {
  return page({
    title: 'Nordlicht Supply – shop in a frame',
    lang: options.lang,
    css: ['/demo/host.css'],
    body: html`    <header class="site-header">
      <a class="brand" href="/">Nordlicht Supply</a>
    </header>
    <main class="site-main frame-demo">
      <h1>The shop in a 520px iframe</h1>
      <p class="lede">Site builders and Facebook Page tabs only allow iframes. The loader sizes the frame to its content.</p>
      <div class="frame-column">
        <div data-fanshop-frame data-src="/shop" data-title="Nordlicht Supply shop"></div>
      </div>
      <script src="/fanshop-frame.js" async></script>
    </main>`,
  });
}

/**
 * `/demo/hostile`: a host page whose stylesheet attacks everything (`* { color: red !important;
 * font: 40px serif }` and resets). The shop must look exactly as on a friendly page.
 */
export function hostilePage(): string {
  return page({
    title: 'Hostile host page',
    css: ['/demo/hostile.css'],
    body: html`    <main>
      <h1>A page with hostile CSS</h1>
      <p id="host-paragraph">This paragraph belongs to the host page.</p>
      <div data-fanshop></div>
      <script src="/fanshop.js" data-catalog="/catalog.json" async></script>
      <p id="host-after">Host text after the shop.</p>
    </main>`,
  });
}
