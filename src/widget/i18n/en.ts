/**
 * Every label the shopper can read, in English and German. A merchant overrides any of them
 * with `config.labels` (see config.ts). Messages that take values are functions.
 *
 * This table has what the first view shows (toolbar, cards, prices, loading and errors) and is
 * fetched with the catalog; the rest (product view, cart, notices) is in en-more.ts, fetched
 * with the parts that use it.
 */
const en = {
  shopLabel: (shop: string) => `${shop} shop`,
  searchLabel: 'Search products',
  searchPlaceholder: 'Search…',
  categoryLabel: 'Category',
  allCategories: 'All',
  sortLabel: 'Sort by',
  sortFeatured: 'Featured',
  sortPriceAsc: 'Price: low to high',
  sortPriceDesc: 'Price: high to low',
  sortLiked: 'Most liked',
  sortNewest: 'Newest',
  resultCount: (n: number) => (n === 1 ? '1 product' : `${n} products`),
  showMore: (left: number) => `Show more (${left} more)`,
  emptyTitle: 'No products match',
  emptyText: 'Try another word or show all products.',
  clearFilters: 'Clear filters',
  loading: 'Loading products…',
  errorTitle: 'The shop could not be loaded',
  errorNetwork: 'Check your connection and try again.',
  errorInvalid: 'The shop’s product list has a problem. Please try again later.',
  retry: 'Retry',
  addToCart: 'Add to cart',
  buyNow: 'Buy now',
  soldOut: 'Sold out',
  comingSoon: 'Coming soon',
  notifyMe: 'Notify me',
  sale: 'Sale',
  from: (price: string) => `from ${price}`,
  wasPrice: (price: string) => `was ${price}`,
  nowPrice: (price: string) => `now ${price}`,
};

export type FirstMessages = typeof en;
export default en;
