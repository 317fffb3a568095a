import type { HTMLAttributes } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { changedTokens, type EmbedChoices } from './choices';
import type { BuilderMessages } from './messages';
import { framedShopAddress } from './snippet';

/**
 * The shop as the snippet will show it, with the merchant's own catalog: the shop's own
 * `<fanshop-shop>` element (fanshop-element.js from the shop's server), whose `theme` property
 * changes colours, radius, font, density and columns in place as a control moves; an iframe of
 * the shop's page in that look (its address carries it) for the iframe way.
 */
export function Preview({ t, choices }: { t: BuilderMessages; choices: EmbedChoices }) {
  const shop = useRef<HTMLElement & { theme?: object }>(null);
  useEffect(() => loadElement(choices.shopOrigin), [choices.shopOrigin]);
  const theme = changedTokens(choices.theme);
  const themeKey = JSON.stringify(theme);
  useEffect(() => {
    // A property, not attributes: one object for the whole look, as a framework would set it.
    // Set before the element is defined, it is taken up when it is (element.ts).
    if (shop.current) shop.current.theme = JSON.parse(themeKey) as object;
  }, [themeKey, choices.way]);
  const locale = choices.language === 'auto' ? undefined : choices.language;
  return (
    <section class="fsb-preview" aria-label={t.preview}>
      <h3>{t.preview}</h3>
      {choices.way === 'iframe' ? (
        <iframe class="fsb-frame" title={t.previewFrame} src={framedShopAddress(choices, true)} />
      ) : (
        <fanshop-shop ref={shop} catalog={choices.catalog} locale={locale} heading-level="3" />
      )}
    </section>
  );
}

/** Puts fanshop-element.js on the page once; the element defines itself. */
function loadElement(shopOrigin: string): void {
  const src = `${shopOrigin}/fanshop-element.js`;
  if (customElements.get('fanshop-shop') || document.querySelector(`script[src="${CSS.escape(src)}"]`)) return;
  const script = document.createElement('script');
  script.type = 'module';
  script.src = src;
  document.head.append(script);
}

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'fanshop-shop': HTMLAttributes<HTMLElement> & { catalog?: string; locale?: string | undefined; 'heading-level'?: string };
    }
  }
}
