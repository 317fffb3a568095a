import { useShop } from '../shop/context';
import { iconProps } from './icons';
import { adoptCss } from './adopt-css';
import css from './quantity.css?inline';
import controlsCss from './controls.css?inline';

/** Minus, a number field and plus; the field accepts typing and clamps to 1..max on change. */
export function QuantityInput(props: { value: number; max: number; label: string; min?: number; onChange: (n: number) => void }) {
  const { t, root } = useShop();
  adoptCss(root, controlsCss);
  adoptCss(root, css);
  const min = props.min ?? 1;
  const set = (n: number) => props.onChange(Math.max(min, Math.min(props.max, n)));
  return (
    <div class="quantity" part="quantity">
      <button type="button" class="icon-button" aria-label={t.decrease} disabled={props.value <= min} onClick={() => set(props.value - 1)}>
        <MinusIcon />
      </button>
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={props.max}
        value={props.value}
        aria-label={props.label}
        onChange={(e) => {
          const n = Number.parseInt(e.currentTarget.value, 10);
          if (Number.isFinite(n)) set(n);
          else e.currentTarget.value = String(props.value);
        }}
      />
      <button type="button" class="icon-button" aria-label={t.increase} disabled={props.value >= props.max} onClick={() => set(props.value + 1)}>
        <PlusIcon />
      </button>
    </div>
  );
}

const MinusIcon = () => (
  <svg {...iconProps}>
    <path d="M5 12h14" />
  </svg>
);

const PlusIcon = () => (
  <svg {...iconProps}>
    <path d="M12 5v14M5 12h14" />
  </svg>
);
