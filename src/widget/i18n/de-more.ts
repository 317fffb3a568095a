import type { MoreMessages } from './en-more';

/** The German labels of the product view, the cart and the notices (see de.ts). */
const deMore: MoreMessages = {
  onlyLeft: (n) => `Nur noch ${n} verfügbar`,
  back: 'Zurück zu den Produkten',
  gallery: 'Produktbilder',
  showImage: (i, n) => `Bild ${i} von ${n} zeigen`,
  quantity: 'Menge',
  decrease: 'Menge verringern',
  increase: 'Menge erhöhen',
  unavailable: 'nicht verfügbar',
  productNotFound: 'Dieses Produkt gibt es im Shop nicht mehr.',
  cart: 'Warenkorb',
  cartCount: (n) => (n === 1 ? '1 Artikel' : `${n} Artikel`),
  closeCart: 'Warenkorb schließen',
  cartEmpty: 'Dein Warenkorb ist leer.',
  continueShopping: 'Weiter einkaufen',
  remove: 'Entfernen',
  removeLine: (title) => `${title} entfernen`,
  quantityOf: (title) => `Menge von ${title}`,
  subtotal: 'Zwischensumme',
  taxNote: 'Versand und Steuern werden an der Kasse berechnet.',
  added: (title) => `In den Warenkorb gelegt: ${title}`,
  removed: (title) => `Aus dem Warenkorb entfernt: ${title}`,
  limitReached: (n) => `Von diesem Artikel kannst du höchstens ${n} bestellen.`,
  cartFull: (n) => `Dein Warenkorb fasst höchstens ${n} verschiedene Artikel.`,
  noticeGone: (title) => `${title} ist nicht mehr erhältlich und wurde aus deinem Warenkorb entfernt.`,
  noticeSoldOut: (title) => `${title} ist ausverkauft und wurde aus deinem Warenkorb entfernt.`,
  noticeRepriced: (title, before, after) => `Der Preis von ${title} hat sich von ${before} auf ${after} geändert.`,
  noticeReduced: (title, n) => `Von ${title} sind nur noch ${n} verfügbar: dein Warenkorb enthält jetzt ${n}.`,
  dismiss: 'Schließen',
};

export default deMore;
