/**
 * The studio's texts in English and German, in the language of the merchant's browser (as the
 * widget picks one when no page says otherwise: widget/i18n/locale.ts). The sections' own
 * texts live beside them (import/messages.ts, reviews/messages.ts).
 */
export type StudioLanguage = 'en' | 'de';

/** The browser's first language the studio has texts for, else English. */
export function studioLanguage(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): StudioLanguage {
  for (const tag of languages) {
    const language = tag.split('-')[0]?.toLowerCase();
    if (language === 'en' || language === 'de') return language;
  }
  return 'en';
}

/** Picks the table of the studio's language from `{ en, de }`. */
export const textsFor = <T>(tables: Readonly<Record<StudioLanguage, T>>, language: StudioLanguage = studioLanguage()): T => tables[language];

const en = {
    title: 'Fanshop studio',
    loginTitle: 'Log in to the studio',
    password: 'Password',
    logIn: 'Log in',
    loggingIn: 'Logging in…',
    wrongPassword: 'That password is not right. Check it and try again.',
    tooMany: (seconds: number) => `Too many wrong passwords. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
    loginFailed: 'The studio could not be reached. Check your connection and try again.',
    logOut: 'Log out',
    sections: 'Studio sections',
    insights: 'Insights',
    builder: 'Embed builder',
    import: 'Import',
    reviews: 'Reviews',
    loadingSection: 'Loading…',
    sectionFailed: 'This section could not be loaded. Reload the page to try again.',
    signedOut: 'Your session has ended. Log in again.',
};

export type ShellTexts = typeof en;

export const SHELL_TEXTS: Readonly<Record<StudioLanguage, ShellTexts>> = {
  en,
  de: {
    title: 'Fanshop Studio',
    loginTitle: 'Im Studio anmelden',
    password: 'Passwort',
    logIn: 'Anmelden',
    loggingIn: 'Anmelden…',
    wrongPassword: 'Das Passwort stimmt nicht. Prüfen Sie es und versuchen Sie es noch einmal.',
    tooMany: (seconds: number) => `Zu viele falsche Passwörter. Versuchen Sie es in ${seconds} ${seconds === 1 ? 'Sekunde' : 'Sekunden'} wieder.`,
    loginFailed: 'Das Studio ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.',
    logOut: 'Abmelden',
    sections: 'Bereiche des Studios',
    insights: 'Einblicke',
    builder: 'Einbettung',
    import: 'Import',
    reviews: 'Bewertungen',
    loadingSection: 'Wird geladen…',
    sectionFailed: 'Dieser Bereich konnte nicht geladen werden. Laden Sie die Seite neu, um es noch einmal zu versuchen.',
    signedOut: 'Ihre Sitzung ist abgelaufen. Melden Sie sich wieder an.',
  },
};
