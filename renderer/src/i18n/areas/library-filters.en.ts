/** The library list's category tree and folder filter (issue 15). */
export default {
  categoryButton: 'Category: {{name}}',
  categoryHint: 'Filter by category; a category includes every category under it',
  allCategories: 'All categories',
  categoryTree: 'Categories',
  findCategory: 'Find a category',
  noCategory: 'No category matches “{{text}}”.',
  noCategories: 'The articles have no categories.',
  expand: 'Show sub-categories',
  collapse: 'Hide sub-categories',
  articles_one: '{{count}} article',
  articles_other: '{{count}} articles',
  treeHelp: '↑↓ move · → open · ← close · Enter choose · Esc close',
  subfolders: 'Include subfolders',
  subfoldersHint: 'List the articles of the folder’s subfolders too',
  subfoldersNoFolder: 'Choose a folder first',
  folderOnly: 'folder {{folder}} without its subfolders',
};
