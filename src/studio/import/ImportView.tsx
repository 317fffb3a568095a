import { useEffect, useState } from 'preact/hooks';
import type { StudioCatalogSaved, StudioSession } from '../../core/api/studio';
import type { ProductFile } from '../../core/catalog/schema';
import { formatMoney } from '../../core/money/money';
import { studioFetch } from '../api';
import { studioLanguage, textsFor } from '../i18n';
import { IMPORT_TEXTS } from './messages';
import { detectPlatform, runImport, type Platform, type StudioImport } from './run-import';
import { currentShop, type ShopDefaults } from './current-shop';

type Choice = Platform | 'detect';
type Saving = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; text: string } | { kind: 'failed'; text: string };

/**
 * `#/import`: the CLI's `fanshop import` in the studio. Drop (or choose) a product export, see
 * the products found and the rows left out with their lines, download the catalog, or, where
 * the server reads its catalog from a file, save it there (the old file kept as `.bak`).
 */
export default function ImportView() {
  const language = studioLanguage();
  const t = textsFor(IMPORT_TEXTS, language);
  const [choice, setChoice] = useState<Choice>('detect');
  const [currency, setCurrency] = useState('EUR');
  const [shop, setShop] = useState<ShopDefaults | undefined>();
  const [file, setFile] = useState<{ name: string; text: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [dragging, setDragging] = useState(false);
  const [catalogFile, setCatalogFile] = useState(false);
  const [saving, setSaving] = useState<Saving>({ kind: 'idle' });

  useEffect(() => {
    let live = true;
    void studioFetch('/api/studio/session')
      .then(async (r) => r.ok && live && setCatalogFile(((await r.json()) as StudioSession).catalogFile))
      .catch(() => undefined);
    // The shop the import replaces keeps its name, currency, language and address.
    void fetch('/catalog.json', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : undefined))
      .then((json: unknown) => {
        const found = currentShop(json);
        if (!live || !found) return;
        setShop(found);
        setCurrency(found.currency);
      })
      .catch(() => undefined);
    return () => void (live = false);
  }, []);

  const currencyOk = /^[A-Za-z]{3}$/.test(currency);
  const platform = choice === 'detect' ? (file ? detectPlatform(file.text) : undefined) : choice;
  const done: StudioImport | undefined = file && platform && currencyOk ? runImport(file.text, platform, { currency: currency.toUpperCase(), locale: shop?.locale ?? language, baseUrl: shop?.baseUrl ?? location.origin, ...(shop ? { shopId: shop.shopId, shopName: shop.shopName } : {}) }) : undefined;
  const catalog = done && !done.catalogProblems.length ? done.result.catalog : undefined;

  const read = async (chosen: File | undefined) => {
    setSaving({ kind: 'idle' });
    setError(undefined);
    if (!chosen) return;
    if (!/\.csv$/i.test(chosen.name) && chosen.type !== 'text/csv') return setError(t.notCsv);
    try {
      setFile({ name: chosen.name, text: await chosen.text() });
    } catch {
      setError(t.readFailed);
    }
  };

  const download = () => {
    if (!catalog) return;
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(catalog, null, 2)}\n`], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'catalog.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const save = async () => {
    if (!catalog || !confirm(t.confirmSave)) return;
    setSaving({ kind: 'saving' });
    try {
      const response = await studioFetch('/api/studio/catalog', { method: 'PUT', body: JSON.stringify(catalog) });
      if (response.ok) {
        const saved = (await response.json()) as StudioCatalogSaved;
        return setSaving({ kind: 'saved', text: t.saved(saved.products, saved.backup) });
      }
      setSaving({ kind: 'failed', text: response.status === 409 ? t.notAFile : t.saveFailed });
    } catch {
      setSaving({ kind: 'failed', text: t.saveFailed });
    }
  };

  return (
    <section class="import" aria-labelledby="import-title">
      <h1 id="import-title">{t.title}</h1>
      <p>{t.intro}</p>
      <div class="fields">
        <label>
          {t.platform}
          <select value={choice} onChange={(e) => setChoice(e.currentTarget.value as Choice)}>
            <option value="detect">{t.detect}</option>
            <option value="shopify">{t.shopify}</option>
            <option value="woocommerce">{t.woocommerce}</option>
          </select>
        </label>
        <label>
          {t.currency}
          <input value={currency} maxLength={3} size={4} onInput={(e) => setCurrency(e.currentTarget.value)} aria-invalid={currencyOk ? undefined : 'true'} aria-describedby={currencyOk ? undefined : 'import-currency-error'} />
        </label>
      </div>
      {!currencyOk && (
        <p id="import-currency-error" class="error">
          {t.currencyInvalid}
        </p>
      )}
      <div
        class={`drop${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void read(e.dataTransfer?.files[0]);
        }}
      >
        <p>{t.drop}</p>
        <label class="button">
          {t.choose}
          <input class="visually-hidden" type="file" accept=".csv,text/csv" onChange={(e) => void read(e.currentTarget.files?.[0])} />
        </label>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {file && !platform && currencyOk && (
        <p class="error" role="alert">
          {t.unknownPlatform}
        </p>
      )}
      {done && <Outcome done={done} fileName={file!.name} currency={currency.toUpperCase()} language={language} />}
      {catalog && (
        <div class="actions">
          <button type="button" onClick={download}>
            {t.download}
          </button>
          {catalogFile ? (
            <button type="button" onClick={() => void save()} disabled={saving.kind === 'saving'}>
              {saving.kind === 'saving' ? t.saving : t.save}
            </button>
          ) : (
            <p class="hint">{t.fileOnly}</p>
          )}
        </div>
      )}
      <p class={saving.kind === 'failed' ? 'error' : 'notice'} role="status">
        {saving.kind === 'saved' || saving.kind === 'failed' ? saving.text : ''}
      </p>
    </section>
  );
}

/** What the import found: the products, the rows left out, and the catalog's own problems. */
function Outcome({ done, fileName, currency, language }: { done: StudioImport; fileName: string; currency: string; language: 'en' | 'de' }) {
  const t = IMPORT_TEXTS[language];
  const { result, catalogProblems } = done;
  const products = result.catalog?.products ?? [];
  return (
    <>
      {products.length ? (
        <table class="found">
          <caption>{t.found(result.counts.products, result.counts.variants, fileName)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.product}</th>
              <th scope="col">{t.variants}</th>
              <th scope="col">{t.price}</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.id}>
                <th scope="row">{titleOf(p)}</th>
                <td>{p.variants?.length ?? 1}</td>
                <td>{priceRange(p, currency, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="error">{t.nothing}</p>
      )}
      <h2>{result.problems.length ? t.problems(result.problems.length) : t.noProblems}</h2>
      {result.problems.length > 0 && (
        <ul class="problems">
          {result.problems.map((p, i) => (
            <li key={i}>
              <strong>{t.line(p.line)}</strong>: {p.message}
            </li>
          ))}
        </ul>
      )}
      {catalogProblems.length > 0 && (
        <div class="error" role="alert">
          <p>{t.invalid}</p>
          <ul>
            {catalogProblems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

const titleOf = (p: ProductFile): string => (typeof p.title === 'string' ? p.title : (Object.values(p.title)[0] ?? p.id));

/** "€12.00" or "€12.00 – €18.00" over the product's variants. */
function priceRange(p: ProductFile, currency: string, language: string): string {
  const prices = (p.variants ?? []).map((v) => v.price ?? p.price);
  const low = Math.min(p.price, ...prices);
  const high = Math.max(p.price, ...prices);
  const format = (amount: number) => formatMoney({ amount, currency }, language);
  return low === high ? format(low) : `${format(low)} – ${format(high)}`;
}
