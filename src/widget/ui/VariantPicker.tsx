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
                    {/* The colour is set through the DOM, not as a style attribute: the server's first
                        view (ssr.tsx) would send `style="…"`, which the strict CSP blocks
                        (style-src-attr), and hydration does not set attributes again. */}
                    {value.swatch ? <span class="swatch-color" ref={(el) => el?.style.setProperty('background', value.swatch!)} /> : label}
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
