import type { Product } from '../../core/catalog/types';
import { localize } from '../../core/catalog/localize';
import { useShop } from '../shop/context';
import { pick, valueAvailable, type Selection } from './variant-selection';

/**
 * One group of toggle buttons per option; colours with a `swatch` show it. Values that cannot be
 * bought with the other choices are disabled but stay visible, so the shopper sees what exists.
 */
export function VariantPicker(props: { product: Product; selection: Selection; onChange: (s: Selection) => void }) {
  const shop = useShop();
  const fallback = shop.store.getState().catalog!.shop.defaultLocale;
  const { product, selection } = props;
  return (
    <div class="options" part="options">
      {product.options.map((option) => {
        const name = localize(option.name, shop.locale, fallback);
        const current = option.values.find((v) => v.id === selection[option.id]);
        return (
          <fieldset key={option.id} class="option" part="option" data-option={option.id}>
            <legend>
              {name}
              {current && <span class="option-current">: {localize(current.label, shop.locale, fallback)}</span>}
            </legend>
            <div class="option-values">
              {option.values.map((value) => {
                const label = localize(value.label, shop.locale, fallback);
                const available = valueAvailable(product, selection, option.id, value.id);
                const selected = selection[option.id] === value.id;
                return (
                  <button
                    key={value.id}
                    type="button"
                    class={value.swatch ? 'swatch' : 'chip'}
                    part={value.swatch ? 'swatch' : 'option-value'}
                    aria-pressed={selected}
                    disabled={!available}
                    aria-label={value.swatch || !available ? (available ? label : `${label} (${shop.t.unavailable})`) : undefined}
                    title={value.swatch ? label : undefined}
                    onClick={() => props.onChange(pick(product, selection, option.id, value.id))}
                  >
                    {/* The colour is an SVG fill, a presentation attribute: the server's first view
                        (ssr.tsx) can send it, where a `style="…"` is blocked by the strict CSP
                        (style-src-attr) and rendered the swatch white before hydration and
                        without JavaScript. The ring is the circle's own stroke, so it shows on a
                        white swatch too. */}
                    {value.swatch ? (
                      <svg class="swatch-color" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                        <circle cx="16" cy="16" r="15.5" fill={value.swatch} stroke="#000" stroke-opacity="0.15" />
                      </svg>
                    ) : (
                      label
                    )}
                  </button>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
