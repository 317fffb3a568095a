import { useShop } from '../shop/context';

/** Skeleton cards the size of real ones, so nothing jumps when the catalog arrives. */
export function LoadingState() {
  const { t } = useShop();
  return (
    <div class="grid" part="grid" data-loading>
      <span class="visually-hidden">{t.loading}</span>
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} class="card skeleton" aria-hidden="true">
          <div class="card-image" />
          <div class="skeleton-line" />
          <div class="skeleton-line short" />
        </div>
      ))}
    </div>
  );
}
