// The one i18next instance. The readers add their own strings with
// `i18n.addResourceBundle('ko', 'translation', { reader: {…} }, true, false)`.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';

export type Language = 'ko' | 'en';

void i18n.use(initReactI18next).init({
  resources: { ko: { translation: ko }, en: { translation: en } },
  lng: 'ko',
  fallbackLng: 'ko',
  supportedLngs: ['ko', 'en'],
  // Resources are inline: initialise synchronously so the first render already has them.
  initAsync: false,
  // React escapes; i18next must not do it twice.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
