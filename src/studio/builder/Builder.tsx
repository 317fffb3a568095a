import { useEffect, useMemo, useState } from 'preact/hooks';
import { defaultTheme, initialChoices, type EmbedChoices } from './choices';
import { builderMessages } from './messages';
import { embedSnippet } from './snippet';
import { embedWarnings, type EmbedContext } from './warnings';
import { Controls } from './Controls';
import { Preview } from './Preview';
import { SnippetBox } from './SnippetBox';
import css from './builder.css?inline';
import { adoptStyles } from '../adopt-styles';

/**
 * The studio's embed builder (issue 11): the way to embed and the look on the left, the shop
 * previewed live with the merchant's own catalog beside them, the snippet with Copy and what
 * the merchant's side needs below. The studio is served by the shop's own server, so its
 * origin is the shop's, and its catalog is the merchant's.
 */
export default function Builder() {
  const t = useMemo(() => builderMessages(document.documentElement.lang, navigator.languages ?? []), []);
  const [choices, setChoices] = useState<EmbedChoices>(() => initialChoices(location.origin));
  const [context, setContext] = useState<EmbedContext>({ embeddedCheckout: false, pageAddress: '' });
  useEffect(() => adoptStyles(css), []);
  const snippet = embedSnippet(choices);
  const warnings = embedWarnings(choices, context);
  return (
    <div class="fsb">
      <h2>{t.title}</h2>
      <p class="fsb-intro">{t.intro}</p>
      <div class="fsb-layout">
        <Controls t={t} choices={choices} context={context} onChoices={setChoices} onContext={setContext} onReset={() => setChoices({ ...choices, theme: { ...defaultTheme } })} />
        <Preview t={t} choices={choices} />
      </div>
      <SnippetBox t={t} snippet={snippet} />
      {warnings.length > 0 && (
        <section class="fsb-needs" aria-labelledby="fsb-needs-title">
          <h3 id="fsb-needs-title">{t.needs}</h3>
          <ul>
            {warnings.map((w) => (
              <li key={w.kind}>{t.warning(w)}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
