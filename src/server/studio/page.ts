import { html, page } from '../pages/html';
import type { PageLanguage } from '../pages/page-locale';

/**
 * The studio's pages. The shell is the same HTML signed in or not (the studio's bundle asks
 * `GET /api/studio/session` and shows the login form or the studio); only its status differs,
 * so that a signed-out request is a 401 as every other studio route's. The bundle is at
 * `/studio-app/` (scripts/build.mjs), outside `/studio`, so the login form can load it; it
 * holds no secret.
 */
export function studioShell(lang: PageLanguage): string {
  return page({
    title: lang === 'de' ? 'Fanshop Studio' : 'Fanshop studio',
    lang,
    css: ['/studio-app/studio.css'],
    body: html`    <div id="studio"><noscript>${lang === 'de' ? 'Das Studio braucht JavaScript.' : 'The studio needs JavaScript.'}</noscript></div>
    <script type="module" src="/studio-app/studio.mjs"></script>`,
  });
}

const OFF_TEXTS = {
  en: {
    title: 'The studio is off',
    intro: 'The studio, where you moderate reviews and import your catalog, opens once the server has a password for it. Set one of these and restart the server:',
    plain: 'the password itself (at least 12 characters; it is kept only as a slow hash), or',
    hash: 'its hash, made with',
    demo: 'Trying the shop without any settings (npm start)? The demo turns the studio on with a password it prints in the console at start.',
  },
  de: {
    title: 'Das Studio ist aus',
    intro: 'Das Studio, in dem Sie Bewertungen freigeben und Ihren Katalog importieren, öffnet sich, sobald der Server ein Passwort dafür hat. Setzen Sie eine dieser Variablen und starten Sie den Server neu:',
    plain: 'das Passwort selbst (mindestens 12 Zeichen; es wird nur als langsamer Hash behalten), oder',
    hash: 'seinen Hash, gemacht mit',
    demo: 'Sie probieren den Shop ohne Einstellungen aus (npm start)? Die Demo schaltet das Studio mit einem Passwort ein, das sie beim Start in der Konsole ausgibt.',
  },
} as const;

/** `/studio` without a password set: how to turn it on. Nothing of the studio is reachable then. */
export function studioOffPage(lang: PageLanguage): string {
  const t = OFF_TEXTS[lang];
  return page({
    title: t.title,
    lang,
    css: ['/studio-app/studio.css'],
    body: html`    <main class="studio-off">
      <h1>${t.title}</h1>
      <p>${t.intro}</p>
      <ul>
        <li><code>FANSHOP_ADMIN_PASSWORD</code>: ${t.plain}</li>
        <li><code>FANSHOP_ADMIN_PASSWORD_HASH</code>: ${t.hash} <code>npx fanshop hash-password</code></li>
      </ul>
      <p>${t.demo}</p>
    </main>`,
  });
}
