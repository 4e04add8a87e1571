import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { vi } from './locales/vi';

export const LANGUAGES = ['vi', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'khuyencong.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

function isLanguage(value: unknown): value is TLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen on this browser, or null when the user never chose one. */
export function storedLanguage(): TLanguage | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    // Storage can be disabled (private mode, locked-down browsers).
    return null;
  }
}

/** The `lang` attribute and dayjs (antd's date pickers) follow the UI language. */
function applyLanguage(language: TLanguage): void {
  document.documentElement.lang = language;
  dayjs.locale(language);
}

function persistLanguage(language: TLanguage): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage() ?? 'vi',
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

applyLanguage(currentLanguage());
i18n.on('languageChanged', (language) => applyLanguage(isLanguage(language) ? language : 'vi'));

/** The UI language now (also sent as `Accept-Language`, so server messages match). */
export function currentLanguage(): TLanguage {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : 'vi';
}

/** Switches the UI language; `persist` (the header switch) remembers it on this browser. */
export function setLanguage(
  language: TLanguage,
  { persist = true }: { persist?: boolean } = {},
): Promise<unknown> {
  if (persist) persistLanguage(language);
  return i18n.changeLanguage(language);
}

export { i18n };
