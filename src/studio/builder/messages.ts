import type { EmbedWarning } from './warnings';

/**
 * The builder's texts, English and German, as the shop's own (src/widget/i18n). A text with
 * values is a function of them; warnings.ts's warnings each have one.
 */
export interface BuilderMessages {
  title: string;
  intro: string;
  way: string;
  ways: Record<'script' | 'element' | 'iframe' | 'payment-links', string>;
  wayHints: Record<'script' | 'element' | 'iframe' | 'payment-links', string>;
  look: string;
  primary: string;
  background: string;
  text: string;
  radius: string;
  font: string;
  systemFont: string;
  density: string;
  densities: Record<'comfortable' | 'compact', string>;
  columns: string;
  scheme: string;
  schemes: Record<'light' | 'dark' | 'auto', string>;
  language: string;
  languages: Record<'auto' | 'en' | 'de', string>;
  frameTitle: string;
  yourSite: string;
  pageAddress: string;
  pageAddressHint: string;
  embeddedCheckout: string;
  reset: string;
  preview: string;
  previewFrame: string;
  snippet: string;
  copy: string;
  copied: string;
  copyFailed: string;
  needs: string;
  warning: (w: EmbedWarning) => string;
}

const en: BuilderMessages = {
  title: 'Embed your shop',
  intro: 'Choose how the shop goes on your page and how it looks. The preview shows your own catalog; copy the snippet below into your page.',
  way: 'Way to embed',
  ways: { script: 'Script tag', element: 'Custom element <fanshop-shop>', iframe: 'Iframe', 'payment-links': 'Payment Links (no server)' },
  wayHints: {
    script: 'The usual way: the shop renders in your page.',
    element: 'Markup for React, Vue, Svelte or plain HTML pages.',
    iframe: 'For site builders that allow only iframes.',
    'payment-links': 'Each product opens its Stripe Payment Link; no cart, no server.',
  },
  look: 'Look',
  primary: 'Accent colour',
  background: 'Background colour',
  text: 'Text colour',
  radius: 'Corner radius',
  font: 'Font',
  systemFont: 'System font',
  density: 'Density',
  densities: { comfortable: 'Comfortable', compact: 'Compact' },
  columns: 'Most columns',
  scheme: 'Colour scheme',
  schemes: { light: 'Light', dark: 'Dark', auto: 'Follow the shopper’s system' },
  language: 'Language',
  languages: { auto: 'The page’s language, then the shopper’s', en: 'English', de: 'German' },
  frameTitle: 'Iframe title (read by screen readers)',
  yourSite: 'Your site',
  pageAddress: 'Address of the page the shop goes on',
  pageAddressHint: 'For example https://www.example.com/shop',
  embeddedCheckout: 'This server runs Stripe’s embedded checkout (FANSHOP_CHECKOUT_UI=embedded)',
  reset: 'Reset the look',
  preview: 'Preview',
  previewFrame: 'Preview of the shop in an iframe',
  snippet: 'Snippet for your page',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy: select the snippet and copy it yourself.',
  needs: 'What your side needs',
  warning: (w) => {
    switch (w.kind) {
      case 'stripe-csp':
        return `Embedded checkout: if your page sends a Content-Security-Policy, add Stripe to it: ${w.lines.join('; ')}`;
      case 'page-csp':
        return `If your page sends a Content-Security-Policy, allow the shop’s server in it: ${w.lines.join('; ')}`;
      case 'allowed-origins':
        return `Set ${w.setting} on the shop’s server (add it to the list if there is one), or checkout and likes from your page are refused.`;
      case 'allowed-origins-unknown':
        return `Set ${w.setting} on the shop’s server to your site’s origin (enter your page’s address above to see the line).`;
      case 'page-address-invalid':
        return `“${w.value}” is not a web address: write it in full, starting with https://`;
      case 'frame-hosted-checkout':
        return 'In an iframe the shop opens Stripe’s checkout page in a new tab: Stripe’s embedded form needs the top of the tab.';
      case 'payment-links':
        return 'Every product in the catalog needs its paymentLink (a https://buy.stripe.com/… address); the catalog and fanshop.js may be on any static host.';
    }
  },
};

const de: BuilderMessages = {
  title: 'Den Shop einbetten',
  intro: 'Wählen Sie, wie der Shop auf Ihre Seite kommt und wie er aussieht. Die Vorschau zeigt Ihren eigenen Katalog; kopieren Sie das Snippet unten in Ihre Seite.',
  way: 'Art der Einbettung',
  ways: { script: 'Script-Tag', element: 'Custom Element <fanshop-shop>', iframe: 'Iframe', 'payment-links': 'Payment Links (ohne Server)' },
  wayHints: {
    script: 'Der übliche Weg: Der Shop erscheint direkt in Ihrer Seite.',
    element: 'Markup für React-, Vue-, Svelte- oder einfache HTML-Seiten.',
    iframe: 'Für Baukästen, die nur Iframes erlauben.',
    'payment-links': 'Jedes Produkt öffnet seinen Stripe Payment Link; kein Warenkorb, kein Server.',
  },
  look: 'Aussehen',
  primary: 'Akzentfarbe',
  background: 'Hintergrundfarbe',
  text: 'Textfarbe',
  radius: 'Eckenradius',
  font: 'Schrift',
  systemFont: 'Systemschrift',
  density: 'Dichte',
  densities: { comfortable: 'Großzügig', compact: 'Kompakt' },
  columns: 'Höchstens Spalten',
  scheme: 'Farbschema',
  schemes: { light: 'Hell', dark: 'Dunkel', auto: 'Wie das System der Kundschaft' },
  language: 'Sprache',
  languages: { auto: 'Sprache der Seite, dann der Kundschaft', en: 'Englisch', de: 'Deutsch' },
  frameTitle: 'Titel des Iframes (für Screenreader)',
  yourSite: 'Ihre Website',
  pageAddress: 'Adresse der Seite, auf die der Shop kommt',
  pageAddressHint: 'Zum Beispiel https://www.example.com/shop',
  embeddedCheckout: 'Dieser Server nutzt Stripes eingebetteten Checkout (FANSHOP_CHECKOUT_UI=embedded)',
  reset: 'Aussehen zurücksetzen',
  preview: 'Vorschau',
  previewFrame: 'Vorschau des Shops im Iframe',
  snippet: 'Snippet für Ihre Seite',
  copy: 'Kopieren',
  copied: 'Kopiert',
  copyFailed: 'Kopieren ging nicht: Markieren Sie das Snippet und kopieren Sie es selbst.',
  needs: 'Was Ihre Seite braucht',
  warning: (w) => {
    switch (w.kind) {
      case 'stripe-csp':
        return `Eingebetteter Checkout: Wenn Ihre Seite eine Content-Security-Policy sendet, erlauben Sie darin Stripe: ${w.lines.join('; ')}`;
      case 'page-csp':
        return `Wenn Ihre Seite eine Content-Security-Policy sendet, erlauben Sie darin den Server des Shops: ${w.lines.join('; ')}`;
      case 'allowed-origins':
        return `Setzen Sie ${w.setting} auf dem Server des Shops (bei einer Liste: ergänzen), sonst werden Checkout und Likes von Ihrer Seite abgewiesen.`;
      case 'allowed-origins-unknown':
        return `Setzen Sie ${w.setting} auf dem Server des Shops auf den Origin Ihrer Website (geben Sie oben die Adresse Ihrer Seite ein, um die Zeile zu sehen).`;
      case 'page-address-invalid':
        return `„${w.value}“ ist keine Webadresse: Schreiben Sie sie vollständig, beginnend mit https://`;
      case 'frame-hosted-checkout':
        return 'Im Iframe öffnet der Shop Stripes Checkout-Seite in einem neuen Tab: Stripes eingebettetes Formular braucht das ganze Fenster.';
      case 'payment-links':
        return 'Jedes Produkt im Katalog braucht seinen paymentLink (eine https://buy.stripe.com/…-Adresse); Katalog und fanshop.js dürfen auf jedem statischen Hosting liegen.';
    }
  },
};

/** The studio's language: the page's `lang`, then the browser's, then English (as the shop chooses). */
export function builderMessages(pageLang: string, browser: readonly string[]): BuilderMessages {
  for (const tag of [pageLang, ...browser]) {
    const language = tag.trim().toLowerCase().split('-')[0];
    if (language === 'de') return de;
    if (language === 'en') return en;
  }
  return en;
}

export const builderTables = { en, de };
