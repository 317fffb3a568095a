import { localize } from '../../core/catalog/localize';
import type { ProductSort } from '../../core/catalog/search';
import { useShop } from '../shop/context';
import { setFilters } from '../shop/store';
import { useStore } from './use-store';
import { iconProps } from './icons';

export function Toolbar(props: { count: number }) {
  const shop = useShop();
  const { t } = shop;
  const catalogCategories = useStore(shop.store, (s) => s.catalog!.categories);
  const defaultLocale = useStore(shop.store, (s) => s.catalog!.shop.defaultLocale);
  const query = useStore(shop.store, (s) => s.query);
  const categoryId = useStore(shop.store, (s) => s.categoryId);
  const sort = useStore(shop.store, (s) => s.sort);
  const sorts: [ProductSort, string][] = [
    ['featured', t.sortFeatured],
    ['price-asc', t.sortPriceAsc],
    ['price-desc', t.sortPriceDesc],
    ['newest', t.sortNewest],
    ['liked', t.sortLiked],
  ];
  const categories = [{ id: null, label: t.allCategories }, ...catalogCategories.map((c) => ({ id: c.id, label: localize(c.title, shop.locale, defaultLocale) }))];
  return (
    <div class="toolbar" part="toolbar">
      <div class="toolbar-row">
        <label class="search" part="search">
          <span class="visually-hidden">{t.searchLabel}</span>
          <SearchIcon />
          <input
            type="search"
            value={query}
            placeholder={t.searchPlaceholder}
            autocomplete="off"
            onInput={(e) => setFilters(shop.store, { query: e.currentTarget.value })}
          />
        </label>
        <label class="sort" part="sort">
          <span class="sort-label">{t.sortLabel}</span>
          <select value={sort} onChange={(e) => setFilters(shop.store, { sort: e.currentTarget.value as ProductSort })}>
            {sorts.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {catalogCategories.length > 0 && (
        <div class="categories" part="categories" role="group" aria-label={t.categoryLabel}>
          {categories.map((c) => (
            <button
              key={c.id ?? ''}
              type="button"
              class="chip"
              part="category"
              aria-pressed={categoryId === c.id}
              onClick={() => setFilters(shop.store, { categoryId: c.id })}
            >
              {c.label}
            </button>
          ))}
        </div>
      )}
      <p class="count" part="count" aria-live="polite">
        {t.resultCount(props.count)}
      </p>
    </div>
  );
}

const SearchIcon = () => (
  <svg {...iconProps}>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M20 20l-4-4" />
  </svg>
);
