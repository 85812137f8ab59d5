/**
 * UI strings in English and Simplified Chinese (i18next). The language follows the system
 * unless the user picks one; the choice is saved in the preferences.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.js';
import zhCN from './zh-CN.js';

export const SUPPORTED_LANGUAGES = ['en', 'zh-CN'] as const;

/** The system's language, as far as the UI has it: any Chinese shows Simplified Chinese. */
const systemLanguage = () => (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

// The system's language until the preferences arrive and applyLanguage takes over.
void i18n.use(initReactI18next).init({
  lng: systemLanguage(),
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  fallbackLng: 'en',
  // Plain supportedLngs: with `load: 'currentOnly'` i18next 26 fails to resolve 'zh-CN'.
  supportedLngs: [...SUPPORTED_LANGUAGES],
  interpolation: { escapeValue: false },
});

/** Map a preference ('system' or a language) to the language to show. */
export function applyLanguage(preference: 'system' | 'en' | 'zh-CN'): void {
  const language = preference === 'system' ? systemLanguage() : preference;
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;
