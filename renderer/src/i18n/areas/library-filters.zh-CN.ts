/** 文献列表的分类树与文件夹筛选（issue 15）。 */
export default {
  categoryButton: '分类：{{name}}',
  categoryHint: '按分类筛选；选中一个分类即包括其下的所有子分类',
  allCategories: '全部分类',
  categoryTree: '分类',
  findCategory: '查找分类',
  noCategory: '没有与“{{text}}”匹配的分类。',
  noCategories: '这些文章没有分类。',
  expand: '展开子分类',
  collapse: '收起子分类',
  articles_one: '{{count}} 篇文章',
  articles_other: '{{count}} 篇文章',
  treeHelp: '↑↓ 移动 · → 展开 · ← 收起 · Enter 选择 · Esc 关闭',
  subfolders: '包括子文件夹',
  subfoldersHint: '同时列出该文件夹下各子文件夹中的文章',
  subfoldersNoFolder: '请先选择文件夹',
  folderOnly: '文件夹 {{folder}}（不含子文件夹）',
};
