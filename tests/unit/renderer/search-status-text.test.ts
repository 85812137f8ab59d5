// The search status counts its matches in good English ("1 match", not "1 matches") and Chinese.
import { describe, expect, it } from 'vitest';
import { uiI18n } from './ui-i18n.js';

describe('the search status', () => {
  it('says "match" for one and "matches" for more, in English', async () => {
    const i18n = await uiI18n();
    expect(i18n.t('search.results', { count: 1 })).toBe('1 match');
    expect(i18n.t('search.results', { count: 0 })).toBe('0 matches');
    expect(i18n.t('search.results', { count: 12 })).toBe('12 matches');
  });

  it('counts with the measure word in Chinese', async () => {
    const i18n = await uiI18n();
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('search.results', { count: 1 })).toBe('1 处匹配');
    expect(i18n.t('search.results', { count: 5 })).toBe('5 处匹配');
  });
});
