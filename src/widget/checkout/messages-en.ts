import type { ApiErrorCode } from '../../core/api/errors';

/** Checkout texts, loaded with the checkout code (not part of the first view's table). */
const en = {
  checkout: 'Checkout',
  checkoutPending: 'Opening secure checkout…',
  continueToCheckout: 'Continue to secure checkout',
  popupBlocked: 'Your browser kept the checkout tab from opening.',
  orderConfirmed: (total: string, items: string) => `Thank you! Your order of ${total} is confirmed: ${items}.`,
  orderPending: 'Your payment is being processed; you will get an email when it is confirmed.',
  reviewInvitation: 'Tell other fans what you think of it: only buyers can review.',
  rateWhatYouBought: 'Rate what you bought',
  checkoutCancelled: 'Checkout cancelled. Nothing was charged; your cart is as you left it.',
  secureCheckout: 'Secure checkout',
  closeCheckout: 'Close checkout',
  paymentFormFailed: 'The payment form could not be loaded. Check your connection, or turn off a blocker for js.stripe.com, and try again.',
  tryAgain: 'Try again',
  /** The server's `invalid_quantity`, with the limit it applied (see error-text.ts). */
  invalidQuantity: (max: number) => `Please choose a quantity from 1 to ${max} for this item.`,
  errors: {
    empty_cart: 'Your cart is empty.',
    too_many_lines: 'Your cart has too many different items for one order.',
    unknown_product: 'This item is no longer in the shop. Please remove it.',
    unknown_variant: 'This option is no longer available. Please remove it.',
    variant_required: 'Please choose a size or colour for this item.',
    sold_out: 'This item has just sold out. Please remove it.',
    coming_soon: 'This item is not on sale yet. Please remove it.',
    quantity_above_stock: 'Not enough of this item is left. Please lower the quantity.',
    rate_limited: 'Too many attempts. Please wait a minute and try again.',
    origin_not_allowed: 'Checkout is not available on this page.',
    other: 'Checkout could not start. Check your connection and try again.',
  } as Partial<Record<ApiErrorCode | 'other', string>>,
};

export type CheckoutMessages = typeof en;
export default en;
