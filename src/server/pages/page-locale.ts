/**
 * The language of a server-rendered page: one the pages have texts for (the widget's, en and
 * de), asked for by the URL (`?locale=de`, or `?fb_locale=de_DE`, which Facebook's crawler adds
 * for the languages a page lists in `og:locale:alternate`:
 * https://developers.facebook.com/docs/sharing/webmasters/localization), else by the browser's
 * Accept-Language, else the catalog's default, else English.
 */

export const PAGE_LANGUAGES = ['en', 'de'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

/** Open Graph wants language_TERRITORY; these are the territories Facebook knows for ours. */
export const OG_LOCALES: Record<PageLanguage, string> = { en: 'en_US', de: 'de_DE' };

function languageOf(tag: string | undefined | null): PageLanguage | undefined {
  const language = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return (PAGE_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as PageLanguage) : undefined;
}

/**
 * Accept-Language's tags, most wanted first (RFC 9110 §12.5.4): `de-AT,de;q=0.9,en;q=0.8`.
 * Tags with q=0 are refused, not wanted.
 */
export function acceptedTags(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * @example choosePageLanguage({ acceptLanguage: 'fr, de;q=0.5', fallback: 'en' }) // "de"
 */
export function choosePageLanguage(sources: {
  query?: string | undefined;
  fbLocale?: string | undefined;
  acceptLanguage?: string | undefined;
  fallback?: string | undefined;
}): PageLanguage {
  const candidates = [sources.query, sources.fbLocale, ...acceptedTags(sources.acceptLanguage ?? ''), sources.fallback];
  for (const candidate of candidates) {
    const language = languageOf(candidate);
    if (language) return language;
  }
  return 'en';
}
