import type { PageLanguage } from '../pages/page-locale';
import { html, page } from '../pages/html';

const texts: Record<PageLanguage, { title: string; ask: (product: string | undefined) => string; button: string; done: (product: string | undefined) => string; invalid: string }> = {
  en: {
    title: 'Unsubscribe',
    ask: (product) => `Stop the email we would send you when ${product ?? 'this product'} can be bought?`,
    button: 'Unsubscribe',
    done: (product) => `You are unsubscribed: we will not email you about ${product ?? 'this product'}, and your address is deleted.`,
    invalid: 'This unsubscribe link is not valid. Please use the link in the email exactly as it is.',
  },
  de: {
    title: 'Abmelden',
    ask: (product) => `Sollen wir dir keine E-Mail schicken, wenn ${product ?? 'dieses Produkt'} erhältlich ist?`,
    button: 'Abmelden',
    done: (product) => `Du bist abgemeldet: Wir schreiben dir nicht zu ${product ?? 'diesem Produkt'}, und deine Adresse ist gelöscht.`,
    invalid: 'Dieser Abmeldelink ist ungültig. Bitte nutze den Link aus der E-Mail genau so, wie er ist.',
  },
};

/**
 * The small pages of the unsubscribe link (route.ts), in the shopper's language: the question
 * with its one button (a form that POSTs to the same URL, as RFC 8058's one-click POST does), the
 * answer, or a link that is not valid. No script, no personal data: the product's title only.
 */
export function unsubscribePage(kind: 'ask' | 'done' | 'invalid', options: { lang: PageLanguage; product?: string | undefined; action?: string }): string {
  const t = texts[options.lang];
  const body =
    kind === 'ask'
      ? html`    <main><h1>${t.title}</h1><p>${t.ask(options.product)}</p>
      <form method="post" action="${options.action}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${t.button}</button></form></main>`
      : html`    <main><h1>${t.title}</h1><p>${kind === 'done' ? t.done(options.product) : t.invalid}</p></main>`;
  return page({ title: t.title, lang: options.lang, css: ['/product-page.css'], body });
}
