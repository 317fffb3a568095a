import { useShop } from '../shop/context';
import { dismissNotice } from '../shop/notices';
import { useStore } from './use-store';
import { CloseIcon } from './close-icon';
import { adoptCss } from './adopt-css';
import css from './notices.css?inline';
import controlsCss from './controls.css?inline';

/** Changes the shopper must know about (their cart was adjusted), shown until dismissed. */
export function Notices() {
  const shop = useShop();
  adoptCss(shop.root, controlsCss);
  adoptCss(shop.root, css);
  const notices = useStore(shop.store, (s) => s.notices);
  if (!notices.length) return null;
  return (
    // A list may not be a status region itself (axe: aria-allowed-role, listitem): the region holds it.
    <div role="status">
      <ul class="notices" part="notices">
      {notices.map((n) => (
        <li key={n.id} class="notice" part="notice">
          <span>
            {n.text}
            {n.action && (
              <>
                {' '}
                <a class="notice-action" part="notice-action" href={n.action.href}>
                  {n.action.label}
                </a>
              </>
            )}
          </span>
          <button type="button" class="icon-button" aria-label={shop.t.dismiss} onClick={() => dismissNotice(shop.store, n.id)}>
            <CloseIcon />
          </button>
        </li>
      ))}
      </ul>
    </div>
  );
}
