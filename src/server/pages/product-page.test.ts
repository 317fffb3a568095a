import { readFileSync } from 'node:fs';
import ogs from 'open-graph-scraper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';

/**
 * The product pages as a crawler reads them: served by the app, parsed by an Open Graph parser
 * of its own (open-graph-scraper, given the HTML as Facebook's crawler gets it), and every tag's
 * value checked.
 */
const demo = JSON.parse(readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8'));
const catalogText = (edit: (catalog: typeof demo) => void = () => {}) => {
  const catalog = structuredClone(demo);
  catalog.shop.baseUrl = 'https://shop.example/';
  edit(catalog);
  return JSON.stringify(catalog);
};
const appWith = (text: string) => createApp({ catalog: { read: async () => text } });

// open-graph-scraper knows Facebook's `product:*` tags only under `og:`; these read them as Facebook does.
const productTags = ['price:amount', 'price:currency', 'sale_price:amount', 'sale_price:currency', 'availability', 'condition', 'brand', 'retailer_item_id'];
const customMetaTags = productTags.map((tag) => ({ property: `product:${tag}`, fieldName: tag, multiple: false }));

async function crawl(path: string, init: { text?: string; headers?: Record<string, string> } = {}) {
  const res = await appWith(init.text ?? catalogText()).request(path, { headers: init.headers });
  expect(res.status).toBe(200);
  const html = await res.text();
  const { error, result } = await ogs({ html, customMetaTags });
  expect(error).toBe(false);
  return { html, og: result };
}

const canonical = (html: string) => /<link rel="canonical" href="([^"]*)">/.exec(html)?.[1];

const hoodie = {
  en: {
    title: 'Nordlicht hoodie',
    description:
      'A warm, brushed-back hoodie in organic cotton fleece with a lined hood and a roomy front pocket. The ribbed cuffs and hem keep the cold out on windy walks to the bakery.',
    alt: 'An ice blue hoodie with a darker hood, white drawstrings and a front pocket',
    locale: 'en_US',
    alternate: 'de_DE',
  },
  de: {
    title: 'Nordlicht-Kapuzenpullover',
    description:
      'Ein warmer, innen angerauter Kapuzenpullover aus Bio-Baumwollfleece mit gefütterter Kapuze und einer geräumigen Bauchtasche. Die gerippten Bündchen halten die Kälte draußen, auch auf windigen Wegen…',
    alt: 'Ein eisblauer Kapuzenpullover mit dunklerer Kapuze, weißen Kordeln und Bauchtasche',
    locale: 'de_DE',
    alternate: 'en_US',
  },
};

const mug = {
  en: {
    title: 'Limited edition enamel mug',
    description:
      'A camping mug in white enamel with a midnight-blue rim and a small aurora print on the side. We made 200 of them for our fifth birthday, and they sold out in a week.',
    alt: 'A white enamel mug with a navy rim and green and blue aurora waves',
    locale: 'en_US',
    alternate: 'de_DE',
  },
  de: {
    title: 'Emaillebecher, limitierte Auflage',
    description:
      'Ein Campingbecher aus weißer Emaille mit mitternachtsblauem Rand und einem kleinen Nordlicht-Motiv an der Seite. Wir haben 200 Stück zu unserem fünften Geburtstag hergestellt, und sie waren innerhalb…',
    alt: 'Ein weißer Emaillebecher mit marineblauem Rand und grünen und blauen Nordlicht-Wellen',
    locale: 'de_DE',
    alternate: 'en_US',
  },
};

describe('GET /p/:id as Facebook’s crawler reads it', () => {
  for (const language of ['en', 'de'] as const) {
    it(`describes a product on sale with variants (the hoodie) in ${language}`, async () => {
      const t = hoodie[language];
      const { html, og } = await crawl(`/p/nordlicht-hoodie?locale=${language}`);
      expect(og).toMatchObject({
        ogType: 'product',
        ogTitle: t.title,
        ogDescription: t.description,
        ogUrl: 'https://shop.example/p/nordlicht-hoodie',
        ogSiteName: 'Nordlicht Supply',
        ogLocale: t.locale,
        ogLocaleAlternate: t.alternate,
        ogImage: [{ url: 'https://shop.example/images/hoodie-ice.svg', width: '800', height: '800', alt: t.alt }],
        twitterCard: 'summary_large_image',
        twitterTitle: t.title,
        twitterDescription: t.description,
        twitterImage: [{ url: 'https://shop.example/images/hoodie-ice.svg', alt: t.alt }],
        // The cheapest variant in stock is a charcoal one, reduced from 69.00 to 54.90.
        customMetaTags: {
          'price:amount': '69.00',
          'price:currency': 'EUR',
          'sale_price:amount': '54.90',
          'sale_price:currency': 'EUR',
          availability: 'in stock',
          condition: 'new',
          brand: 'Nordlicht Supply',
          retailer_item_id: 'nordlicht-hoodie',
        },
      });
      expect(canonical(html)).toBe('https://shop.example/p/nordlicht-hoodie');
      expect(og.jsonLD).toEqual([
        {
          '@context': 'https://schema.org',
          '@type': 'Product',
          name: t.title,
          description: expect.stringContaining(t.description.replace(/…$/, '')),
          url: 'https://shop.example/p/nordlicht-hoodie',
          sku: 'nordlicht-hoodie',
          productID: 'nordlicht-hoodie',
          image: ['https://shop.example/images/hoodie-ice.svg', 'https://shop.example/images/hoodie-charcoal.svg'],
          brand: { '@type': 'Brand', name: 'Nordlicht Supply' },
          offers: {
            '@type': 'Offer',
            url: 'https://shop.example/p/nordlicht-hoodie',
            price: '54.90',
            priceCurrency: 'EUR',
            availability: 'https://schema.org/InStock',
            itemCondition: 'https://schema.org/NewCondition',
            seller: { '@type': 'Organization', name: 'Nordlicht Supply' },
          },
        },
      ]);
    });

    it(`describes a sold-out product (the enamel mug) in ${language}`, async () => {
      const t = mug[language];
      const { html, og } = await crawl(`/p/enamel-mug-limited?locale=${language}`);
      expect(og).toMatchObject({
        ogType: 'product',
        ogTitle: t.title,
        ogDescription: t.description,
        ogUrl: 'https://shop.example/p/enamel-mug-limited',
        ogSiteName: 'Nordlicht Supply',
        ogLocale: t.locale,
        ogLocaleAlternate: t.alternate,
        ogImage: [{ url: 'https://shop.example/images/enamel-mug-limited.svg', width: '800', height: '800', alt: t.alt }],
        twitterCard: 'summary_large_image',
        twitterTitle: t.title,
        twitterDescription: t.description,
        twitterImage: [{ url: 'https://shop.example/images/enamel-mug-limited.svg', alt: t.alt }],
        customMetaTags: {
          'price:amount': '18.90',
          'price:currency': 'EUR',
          availability: 'out of stock',
          condition: 'new',
          brand: 'Nordlicht Supply',
          retailer_item_id: 'enamel-mug-limited',
        },
      });
      expect(og.customMetaTags).not.toHaveProperty('sale_price:amount');
      expect(canonical(html)).toBe('https://shop.example/p/enamel-mug-limited');
      const [product] = og.jsonLD as [{ offers: Record<string, string> }];
      expect(product.offers).toMatchObject({ price: '18.90', priceCurrency: 'EUR', availability: 'https://schema.org/OutOfStock' });
    });
  }

  it('puts the crawler’s tags right after the title, before the stylesheets', async () => {
    const { html } = await crawl('/p/nordlicht-hoodie');
    const at = (s: string) => html.indexOf(s);
    expect(at('<meta charset="utf-8">')).toBeLessThan(at('<title>'));
    expect(at('<title>Nordlicht hoodie – Nordlicht Supply</title>')).toBeLessThan(at('<meta property="og:type"'));
    expect(at('<script type="application/ld+json">')).toBeLessThan(at('<style>'));
  });

  it('keeps absolute image sources and resolves relative ones against the base URL’s path', async () => {
    const text = catalogText((c) => {
      c.shop.baseUrl = 'https://example.com/shop';
      c.products.find((p: { id: string }) => p.id === 'enamel-mug-limited').images[0].src = 'https://cdn.example/mug.jpg';
    });
    const mugPage = await crawl('/p/enamel-mug-limited', { text });
    expect(mugPage.og.ogImage).toEqual([expect.objectContaining({ url: 'https://cdn.example/mug.jpg' })]);
    expect(mugPage.html).toContain('<img src="https://cdn.example/mug.jpg"');
    const hoodiePage = await crawl('/p/nordlicht-hoodie', { text });
    expect(hoodiePage.og.ogImage).toEqual([expect.objectContaining({ url: 'https://example.com/shop/images/hoodie-ice.svg' })]);
    expect(hoodiePage.og.ogUrl).toBe('https://example.com/shop/p/nordlicht-hoodie');
    // The page's own files and links live under the base URL's path too.
    expect(hoodiePage.html).toContain('<img src="/shop/images/hoodie-ice.svg"');
    expect(hoodiePage.html).toContain('<script src="/shop/fanshop.js" data-catalog="/shop/catalog.json" async></script>');
    // Its stylesheet is inside it (pages/inline-styles.ts), under whatever path.
    expect(hoodiePage.html).toContain(`<style>${readFileSync('public/product-page.css', 'utf8')}</style>`);
    expect(hoodiePage.html).not.toContain('<link rel="stylesheet"');
  });

  it('writes prices with the currency’s own minor digits (no decimals for yen)', async () => {
    const text = catalogText((c) => {
      c.shop.currency = 'JPY';
      c.products.find((p: { id: string }) => p.id === 'enamel-mug-limited').price = 1500;
    });
    const { html, og } = await crawl('/p/enamel-mug-limited', { text });
    expect(og.customMetaTags).toMatchObject({ 'price:amount': '1500', 'price:currency': 'JPY' });
    expect((og.jsonLD as [{ offers: { price: string } }])[0].offers.price).toBe('1500');
    expect(html).toMatch(/<strong>¥1,500<\/strong>/);
  });

  it('escapes a hostile title and description everywhere: no element can be closed or opened by them', async () => {
    const hostile = `</script><script>alert(1)</script> "quoted" & 'single' <b>`;
    const text = catalogText((c) => {
      const product = c.products.find((p: { id: string }) => p.id === 'enamel-mug-limited');
      product.title = hostile;
      product.description = `${hostile}\n\nSecond <!-- paragraph -->`;
      product.images[0].alt = hostile;
    });
    const { html, og } = await crawl('/p/enamel-mug-limited', { text });
    // The only scripts are the JSON-LD block, the first view's catalog (data, not run) and the widget.
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(/<script type="application\/json" data-fanshop-first-view>(.*?)<\/script>/s.exec(html)![1]!).not.toMatch(/[<>]/);
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<!--');
    expect(og.ogTitle).toBe(hostile);
    expect(og.ogDescription).toBe(hostile);
    expect(og.ogImage?.[0]?.alt).toBe(hostile);
    expect(og.twitterTitle).toBe(hostile);
    const jsonText = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!;
    expect(jsonText).not.toMatch(/[<>]/);
    const product = JSON.parse(jsonText);
    expect(product.name).toBe(hostile);
    expect(product.description).toBe(`${hostile}\n\nSecond <!-- paragraph -->`);
    expect(html).toContain('<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39; &lt;b&gt;</h1>');
  });
});

describe('GET /p/:id for people', () => {
  it('shows the product without JavaScript inside the widget’s own element, opened at that product', async () => {
    const { html } = await crawl('/p/nordlicht-hoodie');
    expect(html).toContain('<div data-fanshop data-product="nordlicht-hoodie" data-heading-level="1">');
    expect(html).toContain('<script src="/fanshop.js" data-catalog="/catalog.json" async></script>');
    const readable = /<div data-fanshop[^>]*>([\s\S]*?)<\/div>\s*<\/main>/.exec(html)![1]!;
    expect(readable).toContain('<h1>Nordlicht hoodie</h1>');
    expect(readable).toContain('<img src="/images/hoodie-ice.svg" alt="An ice blue hoodie with a darker hood, white drawstrings and a front pocket" width="800" height="800">');
    expect(readable.replace(/\u00a0/g, ' ')).toContain('<strong>from €54.90</strong> <del><span class="visually-hidden">Regular price: </span>€69.00</del>');
    expect(readable).toContain('<p class="availability in-stock">In stock</p>');
    expect(readable).toContain('<p>The cut is regular and true to size. Wash inside out at 30 °C.</p>');
    expect(readable).toContain('<div><dt>Colour</dt><dd>Ice blue, Charcoal</dd></div>');
    expect(readable).toContain('<a href="/shop">See all products</a>');
  });

  it('speaks German with German prices when asked', async () => {
    const { html } = await crawl('/p/enamel-mug-limited?locale=de');
    expect(html).toContain('<html lang="de">');
    expect(html.replace(/\u00a0/g, ' ')).toContain('<strong>18,90 €</strong>');
    expect(html).toContain('<p class="availability sold-out">Ausverkauft</p>');
    expect(html).toContain('<a href="/shop">Alle Produkte ansehen</a>');
  });

  it('says a product the catalog marks coming soon is coming soon, not for sale, in the page and its offer', async () => {
    const text = catalogText((c) => (c.products.find((p: { id: string }) => p.id === 'stoneware-teapot').availability = 'coming_soon'));
    const page = await (await appWith(text).request('/p/stoneware-teapot?locale=de')).text();
    expect(page).toContain('<p class="availability sold-out">Demnächst erhältlich</p>');
    expect(page).toContain('"availability":"https://schema.org/OutOfStock"');
    expect(page).toContain('<meta property="product:availability" content="out of stock">');
  });
});

describe('GET /p/:id with reviews', () => {
  const hostile = `</script><script>alert(1)</script> "quoted" & <b>`;
  let data: InMemoryData;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    data = await inMemoryData();
    const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9)).toISOString();
    const write = (id: string, rating: 1 | 2 | 3 | 4 | 5, day: number, extra: { text?: string; name?: string; status?: 'hidden' } = {}) =>
      data.reviews.createReview({ id, productId: 'enamel-mug-limited', variantId: null, orderId: `cs_test_${id}`, rating, text: extra.text ?? null, name: extra.name ?? null, language: 'en', status: extra.status ?? 'published', createdAt: at(day), updatedAt: at(day) });
    for (let i = 1; i <= 6; i += 1) await write(`rev-${i}`, i % 2 ? 5 : 4, i, i === 6 ? { text: hostile, name: hostile } : {});
    await write('rev-hidden', 1, 7, { status: 'hidden', text: 'Hidden text' });
    app = createApp({ catalog: { read: async () => catalogText() }, reviews: { store: data.reviews, tokens: undefined, moderation: 'publish', rateLimitPerMinute: 10, allowedOrigins: [], clientAddress: () => 'test' } });
  }, 60_000);
  afterAll(() => data.close());

  it('adds aggregateRating and the newest 5 reviews to the JSON-LD with the fields Google requires, texts escaped', async () => {
    const html = await (await app.request('/p/enamel-mug-limited')).text();
    const jsonText = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!;
    expect(jsonText).not.toMatch(/[<>]/);
    const product = JSON.parse(jsonText);
    expect(product.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 4.5, ratingCount: 6, bestRating: 5, worstRating: 1 });
    expect(product.review).toHaveLength(5);
    expect(product.review[0]).toEqual({
      '@type': 'Review',
      author: { '@type': 'Person', name: hostile },
      datePublished: '2026-11-06',
      reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 },
      reviewBody: hostile,
      inLanguage: 'en',
    });
    expect(product.review[1].author).toEqual({ '@type': 'Person', name: 'Verified buyer' });
    expect(JSON.stringify(product)).not.toContain('Hidden text');
    // The page shows what it marks up: the average, and the reviews, escaped.
    expect(html).toContain('★ 4.5 (6)');
    expect(html).toContain('Rated 4.5 out of 5 by 6 buyers');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('Hidden text');
    expect(html.match(/<script/g)).toHaveLength(3);
  });

  it('has no rating at all for a product without published reviews', async () => {
    const html = await (await app.request('/p/bircher-muesli-mix')).text();
    expect(html).not.toContain('aggregateRating');
    expect(html).not.toContain('class="reviews"');
  });
});
