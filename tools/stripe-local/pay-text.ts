import type { CardProblem } from './cards';

/**
 * What the pay page says, in English and German (Fanshop's two shop languages). Card errors
 * use the wording of Stripe's own forms, so shoppers and tests meet the same sentences here
 * as on checkout.stripe.com.
 */

export type PayProblem = CardProblem | 'email_invalid' | 'field_missing';

export interface PayText {
  banner: string;
  bannerHint: string;
  title: string;
  summary: string;
  quantity: (n: number) => string;
  total: string;
  contact: string;
  email: string;
  shipping: string;
  name: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  payment: string;
  cardNumber: string;
  expiry: string;
  expiryPlaceholder: string;
  cvc: string;
  pay: (total: string) => string;
  cancel: string;
  problems: Record<PayProblem, string>;
  paid: string;
  paidHint: string;
  alreadyPaid: string;
  expired: string;
  expiredHint: string;
  notFound: string;
  backToShop: string;
  footer: string;
}

const en: PayText = {
  banner: 'Test mode: no real payment',
  bannerHint: 'Pay with 4242 4242 4242 4242, any future date and any CVC. 4000 0000 0000 0002 is declined.',
  title: 'Checkout',
  summary: 'Order summary',
  quantity: (n) => `Qty ${n}`,
  total: 'Total',
  contact: 'Contact information',
  email: 'Email',
  shipping: 'Shipping address',
  name: 'Full name',
  line1: 'Address',
  line2: 'Address line 2 (optional)',
  postalCode: 'Postal code',
  city: 'City',
  country: 'Country',
  payment: 'Card details',
  cardNumber: 'Card number',
  expiry: 'Expiry (MM / YY)',
  expiryPlaceholder: 'MM / YY',
  cvc: 'CVC',
  pay: (total) => `Pay ${total}`,
  cancel: 'Cancel and return to the shop',
  problems: {
    number_incomplete: 'Your card number is incomplete.',
    number_invalid: 'Your card number is invalid.',
    declined: 'Your card was declined.',
    expiry_incomplete: "Your card's expiration date is incomplete.",
    expiry_past: "Your card's expiration date is in the past.",
    cvc_incomplete: "Your card's security code is incomplete.",
    email_invalid: 'Your email address is invalid.',
    field_missing: 'Please fill in your shipping address.',
  },
  paid: 'Thank you! Your payment was received.',
  paidHint: 'You can close this page.',
  alreadyPaid: 'This checkout is already paid.',
  expired: 'This checkout has expired.',
  expiredHint: 'Nothing was charged. Go back to the shop to start again.',
  notFound: 'This checkout does not exist.',
  backToShop: 'Return to the shop',
  footer: 'Local test-mode stand-in for Stripe Checkout',
};

const de: PayText = {
  banner: 'Testmodus: keine echte Zahlung',
  bannerHint: 'Bezahlen Sie mit 4242 4242 4242 4242, einem Datum in der Zukunft und beliebiger Prüfnummer. 4000 0000 0000 0002 wird abgelehnt.',
  title: 'Bezahlen',
  summary: 'Bestellübersicht',
  quantity: (n) => `Menge ${n}`,
  total: 'Gesamt',
  contact: 'Kontaktdaten',
  email: 'E-Mail',
  shipping: 'Lieferadresse',
  name: 'Vollständiger Name',
  line1: 'Adresse',
  line2: 'Adresszeile 2 (optional)',
  postalCode: 'Postleitzahl',
  city: 'Ort',
  country: 'Land',
  payment: 'Kartendaten',
  cardNumber: 'Kartennummer',
  expiry: 'Gültig bis (MM / JJ)',
  expiryPlaceholder: 'MM / JJ',
  cvc: 'Prüfnummer',
  pay: (total) => `${total} bezahlen`,
  cancel: 'Abbrechen und zurück zum Shop',
  problems: {
    number_incomplete: 'Ihre Kartennummer ist unvollständig.',
    number_invalid: 'Ihre Kartennummer ist ungültig.',
    declined: 'Ihre Karte wurde abgelehnt.',
    expiry_incomplete: 'Das Ablaufdatum Ihrer Karte ist unvollständig.',
    expiry_past: 'Das Ablaufdatum Ihrer Karte liegt in der Vergangenheit.',
    cvc_incomplete: 'Die Prüfnummer Ihrer Karte ist unvollständig.',
    email_invalid: 'Ihre E-Mail-Adresse ist ungültig.',
    field_missing: 'Bitte geben Sie Ihre Lieferadresse vollständig an.',
  },
  paid: 'Vielen Dank! Ihre Zahlung ist eingegangen.',
  paidHint: 'Sie können diese Seite schließen.',
  alreadyPaid: 'Diese Bestellung ist bereits bezahlt.',
  expired: 'Dieser Bezahlvorgang ist abgelaufen.',
  expiredHint: 'Es wurde nichts abgebucht. Starten Sie im Shop einfach neu.',
  notFound: 'Diesen Bezahlvorgang gibt es nicht.',
  backToShop: 'Zurück zum Shop',
  footer: 'Lokaler Test-Ersatz für Stripe Checkout',
};

/**
 * The page's locale: the session's `locale` when set, else the browser's first language
 * (Checkout's `auto`). Texts fall back to English; money is formatted in the chosen locale.
 */
export function payLocale(sessionLocale: string | null, acceptLanguage: string | undefined): { locale: string; text: PayText } {
  const wanted = sessionLocale && sessionLocale !== 'auto' ? sessionLocale : (acceptLanguage ?? '').split(',')[0]?.split(';')[0]?.trim() || 'en';
  let locale = 'en';
  try {
    locale = Intl.NumberFormat.supportedLocalesOf(wanted)[0] ?? 'en';
  } catch {
    // Not a BCP 47 tag (a header is untrusted input): English.
  }
  return { locale, text: locale.toLowerCase().startsWith('de') ? de : en };
}
