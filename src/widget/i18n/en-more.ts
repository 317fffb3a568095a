/** The English labels of the product view, the cart and the notices (see en.ts). */
const enMore = {
  onlyLeft: (n: number) => `Only ${n} left`,
  back: 'Back to products',
  gallery: 'Product images',
  showImage: (i: number, n: number) => `Show image ${i} of ${n}`,
  quantity: 'Quantity',
  decrease: 'Decrease quantity',
  increase: 'Increase quantity',
  unavailable: 'unavailable',
  productNotFound: 'This product is not in the shop any more.',
  cart: 'Cart',
  cartCount: (n: number) => (n === 1 ? '1 item' : `${n} items`),
  closeCart: 'Close cart',
  cartEmpty: 'Your cart is empty.',
  continueShopping: 'Continue shopping',
  remove: 'Remove',
  removeLine: (title: string) => `Remove ${title}`,
  quantityOf: (title: string) => `Quantity of ${title}`,
  subtotal: 'Subtotal',
  taxNote: 'Shipping and taxes are calculated at checkout.',
  added: (title: string) => `Added to cart: ${title}`,
  removed: (title: string) => `Removed from cart: ${title}`,
  limitReached: (n: number) => `You can add at most ${n} of this item.`,
  cartFull: (n: number) => `Your cart holds at most ${n} different items.`,
  noticeGone: (title: string) => `${title} is no longer available and was removed from your cart.`,
  noticeSoldOut: (title: string) => `${title} is sold out and was removed from your cart.`,
  noticeRepriced: (title: string, before: string, after: string) => `The price of ${title} changed from ${before} to ${after}.`,
  noticeReduced: (title: string, n: number) => `Only ${n} of ${title} left: your cart now holds ${n}.`,
  dismiss: 'Dismiss',
};

export type MoreMessages = typeof enMore;
export default enMore;
