import { render } from 'preact';
import { Shell } from './Shell';
import { studioLanguage } from './i18n';

/** The studio's entry (`/studio-app/studio.mjs`, scripts/build.mjs), loaded by `/studio`'s page. */
document.documentElement.lang = studioLanguage();
const root = document.getElementById('studio');
if (root) {
  root.textContent = '';
  render(<Shell />, root);
}
