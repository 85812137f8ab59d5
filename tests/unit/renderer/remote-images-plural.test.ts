// The reader's "remote images not loaded" line counts in the UI language (it said "1 remote images").
import { expect, it } from 'vitest';
import { uiI18n } from './ui-i18n.js';

it('says one remote image in the singular and more in the plural, and counts them in Chinese', async () => {
  const i18n = await uiI18n();
  expect(i18n.t('reader.remoteImages', { count: 1 })).toBe('1 remote image not loaded');
  expect(i18n.t('reader.remoteImages', { count: 3 })).toBe('3 remote images not loaded');
  await i18n.changeLanguage('zh-CN');
  expect(i18n.t('reader.remoteImages', { count: 1 })).toBe('1 张远程图片未加载');
});
