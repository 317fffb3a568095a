import { useShop } from '../shop/context';
import { useStore } from './use-store';
import { reloadCatalog } from '../shop/boot';

export function ErrorState() {
  const shop = useShop();
  const kind = useStore(shop.store, (s) => s.errorKind);
  return (
    <div class="message" part="error" role="alert">
      <p class="message-title">{shop.t.errorTitle}</p>
      <p>{kind === 'invalid' ? shop.t.errorInvalid : shop.t.errorNetwork}</p>
      <button type="button" class="button primary" part="button retry" onClick={() => void reloadCatalog(shop)}>
        {shop.t.retry}
      </button>
    </div>
  );
}
