/** 搜索结果视图与搜索框帮助的界面文字（简体中文）。 */
import type en from './search-view.en.js';

const zhCN: typeof en = {
  matches_one: '{{count}} 处匹配',
  matches_other: '{{count}} 处匹配',
  matchesCapped: '{{count}}+ 处匹配',
  articles_one: '{{count}} 篇文章',
  articles_other: '{{count}} 篇文章',
  summary: '{{articles}}，共 {{matches}}',
  searching: '正在搜索…',
  failed: '搜索失败。请重试，或修改搜索词。',
  none: '在当前筛选条件下，没有文章匹配“{{query}}”。',
  more_one: '……本文另有 {{count}} 处匹配',
  more_other: '……本文另有 {{count}} 处匹配',
  moreCapped: '……本文还有更多匹配',
  hitsInArticle_one: '{{count}} 处匹配',
  hitsInArticle_other: '{{count}} 处匹配',
  hitsCapped: '{{count}}+ 处匹配',
  inTitle: '在标题中',
  moreArticles: '显示更多文章（已显示 {{shown}} / 共 {{total}} 篇）',
  width: '上下文',
  widthOption: '{{count}} 个字符',
  close: '清除搜索',
  backToResults: '搜索结果',
  preparing: '正在为搜索整理文章正文（{{done}} / {{total}}）：整理完成前，匹配可能位于阅读器隐藏的文字中。',
  help: '多个词：同时包含所有词的文章。"精确短语" · 词 OR 词 · -词 表示排除。不区分大小写和全角/半角；中文无需空格。',
  problem: {
    'unclosed-quote': '“{{term}}”前的引号没有闭合：已作为短语搜索至末尾。',
    'empty-phrase': '已忽略一对空引号。',
    'dangling-or': 'OR 两侧都需要有词；已忽略。',
    'lone-minus': '减号后面需要紧跟一个词（-词）；已忽略。',
    'or-with-exclusion': 'OR 不能连接被排除的词（-{{term}}）：已改为同时要求两者。',
    'only-exclusions': '请添加要搜索的词：-词 只用于排除文章。',
    'too-many-terms': '只搜索了前 20 个词。',
  },
};

export default zhCN;
