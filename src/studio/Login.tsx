import { useState } from 'preact/hooks';
import type { StudioSession } from '../core/api/studio';
import { studioFetch } from './api';
import type { ShellTexts } from './i18n';

/** The login form: the password, and what went wrong in the merchant's language (a 429 says when to try again). */
export function Login({ texts, notice, onSignedIn }: { texts: ShellTexts; notice?: string | undefined; onSignedIn: (session: StudioSession) => void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const response = await studioFetch('/api/studio/login', { method: 'POST', body: JSON.stringify({ password }) });
      if (response.ok) {
        setPassword('');
        onSignedIn((await response.json()) as StudioSession);
        return;
      }
      if (response.status === 429) setError(texts.tooMany(Number(response.headers.get('Retry-After')) || 1));
      else if (response.status === 401) setError(texts.wrongPassword);
      else setError(texts.loginFailed);
    } catch {
      setError(texts.loginFailed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <h1>{texts.loginTitle}</h1>
      {notice && !error && <p class="notice">{notice}</p>}
      <form onSubmit={submit} noValidate>
        <label for="studio-password">{texts.password}</label>
        <input
          id="studio-password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'studio-login-error' : undefined}
        />
        {error && (
          <p id="studio-login-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || !password}>
          {busy ? texts.loggingIn : texts.logIn}
        </button>
      </form>
    </main>
  );
}
