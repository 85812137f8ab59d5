/** 文库列表旁报告的问题（对应 core/library/library-problems.ts）。 */
import type libraryProblems from './library-problems.en.js';

const zhCN: typeof libraryProblems = {
  'no-articles': '此文件夹中没有文章（Gloss 读取 .txt、.md、.markdown、.html、.htm 文件）',
  'not-a-folder': '文库路径不是文件夹：{{path}}',
  'cannot-open-folder': '无法打开文库文件夹（{{reason}}）：{{path}}',
  'cannot-read-folder': '无法读取文件夹“{{path}}”（{{reason}}）',
  'broken-link': '链接已失效：“{{path}}”（{{reason}}）',
  'cannot-read-file': '无法读取“{{path}}”（{{reason}}）',
  'scan-failed': '扫描文件夹失败：{{reason}}',
  'search-prepare-failed': '准备搜索时出错：{{reason}}',
  'search-clean-failed': '为搜索清理文章时出错：{{reason}}',
  'search-index-failed': '无法建立搜索索引，搜索改为逐篇查找（较慢）：{{reason}}',
  'search-cache-unreadable': '无法读取搜索缓存，下次打开时将重新建立',
  'parse-cache-unwritable': '无法写入解析缓存：{{reason}}',
};

export default zhCN;
