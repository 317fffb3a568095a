import type { FirstMessages } from './en';

/** German labels. The catalog's German copy says "du"; so does the shop. */
const de: FirstMessages = {
  shopLabel: (shop) => `Shop ${shop}`,
  searchLabel: 'Produkte suchen',
  searchPlaceholder: 'Suchen…',
  categoryLabel: 'Kategorie',
  allCategories: 'Alle',
  sortLabel: 'Sortieren nach',
  sortFeatured: 'Empfohlen',
  sortPriceAsc: 'Preis: aufsteigend',
  sortPriceDesc: 'Preis: absteigend',
  sortLiked: 'Beliebteste',
  sortNewest: 'Neueste',
  resultCount: (n) => (n === 1 ? '1 Produkt' : `${n} Produkte`),
  showMore: (left) => `Mehr zeigen (noch ${left})`,
  emptyTitle: 'Keine passenden Produkte',
  emptyText: 'Versuch es mit einem anderen Wort oder zeig alle Produkte.',
  clearFilters: 'Filter zurücksetzen',
  loading: 'Produkte werden geladen…',
  errorTitle: 'Der Shop konnte nicht geladen werden',
  errorNetwork: 'Prüf deine Verbindung und versuch es noch einmal.',
  errorInvalid: 'Die Produktliste des Shops ist fehlerhaft. Bitte versuch es später noch einmal.',
  retry: 'Erneut versuchen',
  addToCart: 'In den Warenkorb',
  buyNow: 'Jetzt kaufen',
  soldOut: 'Ausverkauft',
  comingSoon: 'Demnächst',
  notifyMe: 'Benachrichtigen',
  sale: 'Sale',
  from: (price) => `ab ${price}`,
  wasPrice: (price) => `statt ${price}`,
  nowPrice: (price) => `jetzt ${price}`,
};

export default de;
