// The UI's strings in an i18next instance of their own, for testing renderer text functions in Node.
import i18next from 'i18next';
import en from '../../../renderer/src/i18n/en.js';
import zhCN from '../../../renderer/src/i18n/zh-CN.js';

export async function uiI18n() {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18n;
}
