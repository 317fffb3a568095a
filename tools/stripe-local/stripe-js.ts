/**
 * The browser side of the local test mode's embedded checkout.
 *
 * `STRIPE_JS_STANDIN` stands in for https://js.stripe.com/endive/stripe.js, which these machines
 * cannot reach. It defines `window.Stripe` with the one method Fanshop uses,
 * `createEmbeddedCheckoutPage({ clientSecret | fetchClientSecret, onComplete })`, resolving to
 * `{ mount, unmount, destroy }` as in @stripe/stripe-js's types (stripe-js/embedded-checkout.d.ts).
 * `loadStripe` from @stripe/stripe-js uses an existing `window.Stripe`, so the widget's code path
 * is the one it takes with real keys; only where Stripe.js comes from differs.
 *
 * The mounted frame is this server's embedded pay page. `EMBEDDED_FRAME_JS` runs in it and posts
 * its height and, once paid, where the shopper goes next, to the shop's origin only; the
 * stand-in accepts messages only from its own frame and origin.
 */
export const STRIPE_JS_STANDIN = `(() => {
  'use strict';
  if (window.Stripe) return;
  const base = new URL('../', document.currentScript.src);
  function Stripe(key) {
    if (typeof key !== 'string' || !/^pk_(test|live)_/.test(key)) {
      throw new Error('IntegrationError: Invalid API Key provided: ' + String(key));
    }
    return {
      async createEmbeddedCheckoutPage(options) {
        options = options || {};
        const secret = options.clientSecret || (options.fetchClientSecret && (await options.fetchClientSecret()));
        const match = /^(cs_(?:test|live)_\\w+?)_secret_\\w+$/.exec(secret || '');
        if (!match) throw new Error('IntegrationError: Invalid clientSecret.');
        let frame = null;
        let destroyed = false;
        const onMessage = (event) => {
          if (!frame || event.source !== frame.contentWindow || event.origin !== base.origin) return;
          const data = event.data;
          if (!data || data.type !== 'stripe-local:embedded') return;
          if (typeof data.height === 'number') frame.style.height = Math.max(320, Math.ceil(data.height)) + 'px';
          if (typeof data.complete === 'string') {
            if (data.complete) window.location.assign(data.complete);
            else if (options.onComplete) options.onComplete();
          }
        };
        window.addEventListener('message', onMessage);
        return {
          mount(location) {
            if (destroyed) throw new Error('IntegrationError: This Embedded Checkout has been destroyed.');
            const parent = typeof location === 'string' ? document.querySelector(location) : location;
            if (!parent) throw new Error('IntegrationError: mount() needs an element or a selector that matches one.');
            frame = document.createElement('iframe');
            frame.src = new URL('c/embedded/' + match[1] + '?client_secret=' + encodeURIComponent(secret), base).href;
            frame.title = 'Secure checkout';
            frame.name = 'embedded-checkout';
            frame.allow = 'payment *';
            frame.style.border = '0';
            frame.style.width = '100%';
            frame.style.height = '640px';
            frame.style.display = 'block';
            parent.appendChild(frame);
          },
          unmount() {
            if (frame) frame.remove();
            frame = null;
          },
          destroy() {
            this.unmount();
            destroyed = true;
            window.removeEventListener('message', onMessage);
          },
        };
      },
    };
  }
  Stripe.version = 'endive';
  window.Stripe = Stripe;
})();
`;

export const EMBEDDED_FRAME_JS = `(() => {
  'use strict';
  const body = document.body;
  const origin = body.dataset.shopOrigin || location.origin;
  if (window.parent === window) return;
  const post = (data) => window.parent.postMessage(Object.assign({ type: 'stripe-local:embedded' }, data), origin);
  const size = () => post({ height: document.documentElement.scrollHeight });
  new ResizeObserver(size).observe(body);
  size();
  if (body.dataset.complete !== undefined) post({ complete: body.dataset.complete });
})();
`;
