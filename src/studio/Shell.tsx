import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { StudioSession } from '../core/api/studio';
import { onSignedOut, studioFetch } from './api';
import { SHELL_TEXTS, textsFor } from './i18n';
import { Login } from './Login';
import { sectionOf, SECTIONS, type Section } from './sections';

type State = { kind: 'loading' } | { kind: 'signedOut'; ended: boolean } | { kind: 'signedIn'; session: StudioSession };

/**
 * The studio: the login form until the server knows the merchant's session, then a nav of its
 * sections (`#/insights`, `#/builder`, `#/import`, `#/reviews`) and the open one. Any 401 of
 * any section's request (studio/api.ts) brings the login form back.
 */
export function Shell() {
  const texts = textsFor(SHELL_TEXTS);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [section, setSection] = useState<Section>(() => sectionOf(location.hash));

  useEffect(() => onSignedOut(() => setState((s) => ({ kind: 'signedOut', ended: s.kind === 'signedIn' }))), []);
  useEffect(() => {
    let live = true;
    void studioFetch('/api/studio/session')
      .then(async (response) => {
        if (live && response.ok) setState({ kind: 'signedIn', session: (await response.json()) as StudioSession });
      })
      .catch(() => live && setState({ kind: 'signedOut', ended: false }));
    return () => void (live = false);
  }, []);
  useEffect(() => {
    const follow = () => setSection(sectionOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    document.title = `${section.label(texts)} · ${texts.title}`;
  }, [section, texts]);

  if (state.kind === 'loading') return null;
  if (state.kind === 'signedOut') return <Login texts={texts} notice={state.ended ? texts.signedOut : undefined} onSignedIn={(session) => setState({ kind: 'signedIn', session })} />;

  const logOut = async () => {
    await studioFetch('/api/studio/logout', { method: 'POST' }).catch(() => undefined);
    setState({ kind: 'signedOut', ended: false });
  };
  return (
    <div class="studio">
      <header class="bar">
        <span class="brand">{texts.title}</span>
        <nav aria-label={texts.sections}>
          {SECTIONS.map((s) => (
            <a key={s.id} href={`#/${s.id}`} aria-current={s.id === section.id ? 'page' : undefined}>
              {s.label(texts)}
            </a>
          ))}
        </nav>
        <button type="button" class="quiet" onClick={logOut}>
          {texts.logOut}
        </button>
      </header>
      <main id="studio-section">
        <LazySection key={section.id} section={section} loading={texts.loadingSection} failed={texts.sectionFailed} />
      </main>
    </div>
  );
}

/** A section's component once its chunk has loaded. */
function LazySection({ section, loading, failed }: { section: Section; loading: string; failed: string }) {
  const [loaded, setLoaded] = useState<{ component: ComponentType } | 'failed' | undefined>();
  useEffect(() => {
    let live = true;
    section.load().then(
      (module) => live && setLoaded({ component: module.default }),
      () => live && setLoaded('failed'),
    );
    return () => void (live = false);
  }, [section]);
  if (loaded === 'failed') return <p class="error" role="alert">{failed}</p>;
  if (!loaded) return <p aria-busy="true">{loading}</p>;
  const Component = loaded.component;
  return <Component />;
}
