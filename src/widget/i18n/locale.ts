import { languages, type Messages } from './messages';

export interface LocaleChoice {
  /** The full BCP 47 tag used for Intl formatting, e.g. `de-AT`. */
  readonly locale: string;
  /** The language whose message table is used: `en` or `de`. */
  readonly language: string;
}

function supported(tag: string | null | undefined): LocaleChoice | null {
  if (!tag) return null;
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(tag.trim())[0] ?? '';
  } catch {
    return null; // `lang="xx_YY"` and other junk a host page may carry
  }
  const language = canonical.split('-')[0]?.toLowerCase() ?? '';
  return (languages as readonly string[]).includes(language) ? { locale: canonical, language } : null;
}

/**
 * The shop speaks the language the merchant configured (`data-locale`, mount's `locale`), else
 * the page's `lang` (the merchant's choice for the page: an English page keeps an English shop in
 * a German browser), else the browser's first supported language, else the catalog's default,
 * else English. Tags without a message table are skipped. The README's "Language" says the same.
 */
export function chooseLocale(sources: {
  config?: string | undefined;
  pageLang?: string | null | undefined;
  browser?: readonly string[] | undefined;
  catalogDefault?: string | undefined;
}): LocaleChoice {
  const candidates = [sources.config, sources.pageLang, ...(sources.browser ?? []), sources.catalogDefault];
  for (const c of candidates) {
    const choice = supported(c);
    if (choice) return choice;
  }
  return { locale: 'en', language: 'en' };
}

/** Per-language label overrides: `{ addToCart: 'Buy' }` for every language or `{ de: { … } }`. */
export type LabelOverrides = Partial<Record<keyof Messages, unknown>> | Record<string, Partial<Record<keyof Messages, unknown>>>;

/**
 * A language's message table (see loadMessages) with the merchant's overrides applied. A string override of a
 * message that takes values replaces it with `{0}`-style placeholders filled in order.
 */
export function messagesFor<T extends object>(base: T, language: string, overrides?: Record<string, unknown>): T {
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  // The language's own overrides win. Only a table's own keys take a string: spreading what is
  // not an object of labels (`de: 'x'`) adds only keys no table has, and every value of a table
  // is a string or a function.
  for (const [key, value] of Object.entries({ ...overrides, ...(overrides[language] as object) })) {
    const current = merged[key];
    if (Object.hasOwn(base, key) && typeof value === 'string')
      merged[key] = typeof current === 'function' ? (...args: unknown[]) => value.replace(/\{(\d)\}/g, (_, i: string) => String(args[+i] ?? '')) : value;
  }
  return merged as T;
}
