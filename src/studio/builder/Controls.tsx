import { densities, embedWays, fontStacks, languages, radii, schemes, withScheme, type EmbedChoices, type ThemeChoices } from './choices';
import type { BuilderMessages } from './messages';
import type { EmbedContext } from './warnings';

interface Props {
  t: BuilderMessages;
  choices: EmbedChoices;
  context: EmbedContext;
  onChoices(next: EmbedChoices): void;
  onContext(next: EmbedContext): void;
  onReset(): void;
}

/**
 * The builder's controls: the way to embed, the look (exactly the widget's theme tokens), the
 * language, and what the builder needs to know of the merchant's side for its warnings. Every
 * control has its visible label; `onInput` on colours, so the preview follows the picker.
 */
export function Controls({ t, choices, context, onChoices, onContext, onReset }: Props) {
  const theme = (patch: Partial<ThemeChoices>) => onChoices({ ...choices, theme: { ...choices.theme, ...patch } });
  const colour = (key: 'primary' | 'background' | 'text', label: string) => (
    <label class="fsb-field fsb-colour">
      <input type="color" name={key} value={choices.theme[key]} onInput={(e) => theme({ [key]: e.currentTarget.value })} />
      <span>{label}</span>
    </label>
  );
  return (
    <form class="fsb-controls" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t.way}</legend>
        {embedWays.map((way) => (
          <label class="fsb-choice" key={way}>
            <input type="radio" name="way" value={way} checked={choices.way === way} onChange={() => onChoices({ ...choices, way })} />
            <span>
              {t.ways[way]}
              <small>{t.wayHints[way]}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t.look}</legend>
        <div class="fsb-colours">
          {colour('primary', t.primary)}
          {colour('background', t.background)}
          {colour('text', t.text)}
        </div>
        <label class="fsb-field">
          <span>{t.radius}</span>
          <select name="radius" value={choices.theme.radius} onChange={(e) => theme({ radius: e.currentTarget.value })}>
            {radii.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label class="fsb-field">
          <span>{t.font}</span>
          <select name="font" value={choices.theme.fontFamily} onChange={(e) => theme({ fontFamily: e.currentTarget.value })}>
            {fontStacks.map((f) => (
              <option key={f} value={f}>
                {f || t.systemFont}
              </option>
            ))}
          </select>
        </label>
        <label class="fsb-field">
          <span>{t.density}</span>
          <select name="density" value={choices.theme.density} onChange={(e) => theme({ density: e.currentTarget.value as ThemeChoices['density'] })}>
            {densities.map((d) => (
              <option key={d} value={d}>
                {t.densities[d]}
              </option>
            ))}
          </select>
        </label>
        <label class="fsb-field">
          <span>{t.columns}</span>
          <select name="columns" value={String(choices.theme.columns)} onChange={(e) => theme({ columns: Number(e.currentTarget.value) })}>
            {[1, 2, 3, 4, 5, 6].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label class="fsb-field">
          <span>{t.scheme}</span>
          <select name="scheme" value={choices.theme.scheme} onChange={(e) => onChoices({ ...choices, theme: withScheme(choices.theme, e.currentTarget.value as ThemeChoices['scheme']) })}>
            {schemes.map((s) => (
              <option key={s} value={s}>
                {t.schemes[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="fsb-button" onClick={onReset}>
          {t.reset}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t.language}</legend>
        <label class="fsb-field">
          <span>{t.language}</span>
          <select name="language" value={choices.language} onChange={(e) => onChoices({ ...choices, language: e.currentTarget.value as EmbedChoices['language'] })}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {t.languages[l]}
              </option>
            ))}
          </select>
        </label>
        {choices.way === 'iframe' && (
          <label class="fsb-field">
            <span>{t.frameTitle}</span>
            <input type="text" name="frame-title" value={choices.frameTitle} onInput={(e) => onChoices({ ...choices, frameTitle: e.currentTarget.value })} />
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>{t.yourSite}</legend>
        <label class="fsb-field">
          <span>{t.pageAddress}</span>
          <input type="url" name="page-address" placeholder={t.pageAddressHint} value={context.pageAddress} onInput={(e) => onContext({ ...context, pageAddress: e.currentTarget.value })} />
        </label>
        <label class="fsb-choice">
          <input type="checkbox" name="embedded-checkout" checked={context.embeddedCheckout} onChange={(e) => onContext({ ...context, embeddedCheckout: e.currentTarget.checked })} />
          <span>{t.embeddedCheckout}</span>
        </label>
      </fieldset>
    </form>
  );
}
