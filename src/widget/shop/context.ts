import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ResolvedConfig } from '../config';
import type { Messages } from '../i18n/messages';
import type { CartLimits, CartStore } from '../cart/store';
import type { EventBus } from '../social/events';
import type { Router } from './router';
import type { CartKeeper } from '../cart/keeper';
import type { ShopStore } from './store';

/** Everything a component needs, created once per mounted shop (see mount.ts). */
export interface Shop {
  readonly config: ResolvedConfig;
  /**
   * The shop's labels. Those of the product view, the cart and the notices arrive with `more`;
   * lazy parts wait for it (lazy.tsx), actions say things through `say` (actions.ts).
   */
  readonly t: Messages;
  readonly more: { get(): Messages | undefined; load(): Promise<Messages> };
  /** BCP 47 tag for Intl (`de-AT`). */
  readonly locale: string;
  /** `en` or `de`. */
  readonly language: string;
  readonly store: ShopStore;
  readonly cart: CartStore;
  readonly events: EventBus;
  readonly router: Router;
  readonly limits: CartLimits;
  /** The shadow root (or document) the shop renders into, for focus management. */
  readonly root: ShadowRoot | Document;
  /** The owner of the cart's saved copy, made once the catalog is in (cart/keeper.ts). */
  keeper?: CartKeeper;
  /**
   * Set while the server renders the first view (ssr.tsx) and while the widget hydrates it
   * (mount.ts): parts that depend on the shopper's device render what the server could.
   */
  hydrating?: boolean;
  /** Run on unmount: stop saving the cart, stop listening. */
  readonly disposers: (() => void)[];
}

export const ShopContext = createContext<Shop | null>(null);

export function useShop(): Shop {
  const shop = useContext(ShopContext);
  if (!shop) throw new Error('[fanshop] a component was rendered outside its shop');
  return shop;
}
