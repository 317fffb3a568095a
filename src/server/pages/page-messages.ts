import type { PageLanguage } from './page-locale';

/** The few words of the server-rendered pages, in every page language. */
export interface PageMessages {
  readonly inStock: string;
  readonly soldOut: string;
  /** A product the catalog marks coming soon: shown, not on sale yet. */
  readonly comingSoon: string;
  readonly from: (price: string) => string;
  readonly wasPrice: string;
  readonly allProducts: string;
  readonly notFoundTitle: string;
  readonly notFoundText: string;
  readonly unavailableTitle: string;
  readonly unavailableText: string;
  readonly reviewsHeading: string;
  /** "★ 4.6 (23 reviews)", said in full. */
  readonly ratingSummary: (average: string, count: number) => string;
  readonly stars: (rating: number) => string;
  readonly verifiedBuyer: string;
}

export const pageMessages: Record<PageLanguage, PageMessages> = {
  en: {
    inStock: 'In stock',
    soldOut: 'Sold out',
    comingSoon: 'Coming soon',
    from: (price) => `from ${price}`,
    wasPrice: 'Regular price:',
    allProducts: 'See all products',
    notFoundTitle: 'Product not found',
    notFoundText: 'This product is not in the shop, or not any more.',
    unavailableTitle: 'The shop is being updated',
    unavailableText: 'The product list cannot be read at the moment. Please try again in a few minutes.',
    reviewsHeading: 'Reviews',
    ratingSummary: (average, count) => `Rated ${average} out of 5 by ${count} ${count === 1 ? 'buyer' : 'buyers'}`,
    stars: (rating) => `${rating} out of 5 stars`,
    verifiedBuyer: 'Verified buyer',
  },
  de: {
    inStock: 'Auf Lager',
    soldOut: 'Ausverkauft',
    comingSoon: 'Demnächst erhältlich',
    from: (price) => `ab ${price}`,
    wasPrice: 'Regulärer Preis:',
    allProducts: 'Alle Produkte ansehen',
    notFoundTitle: 'Produkt nicht gefunden',
    notFoundText: 'Dieses Produkt gibt es im Shop nicht oder nicht mehr.',
    unavailableTitle: 'Der Shop wird gerade aktualisiert',
    unavailableText: 'Die Produktliste kann gerade nicht gelesen werden. Bitte versuche es in ein paar Minuten noch einmal.',
    reviewsHeading: 'Bewertungen',
    ratingSummary: (average, count) => `Mit ${average} von 5 bewertet von ${count} ${count === 1 ? 'Käufer' : 'Käufern'}`,
    stars: (rating) => `${rating} von 5 Sternen`,
    verifiedBuyer: 'Verifizierter Kauf',
  },
};
