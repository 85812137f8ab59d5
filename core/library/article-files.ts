/**
 * Which files are articles, by name. Its own module, free of parsing code: the folder walk asks
 * it for every file in the library, and it is on the path of every reopen.
 */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm'];

const EXTENSIONS = new Set(ARTICLE_EXTENSIONS);

/** For a name or a relative path with forward slashes; what path.posix.extname counts as one. */
export function isArticleFile(name: string): boolean {
  const base = name.lastIndexOf('/') + 1;
  const dot = name.lastIndexOf('.');
  // A leading dot starts a hidden name, not an extension (".md" has none).
  return dot > base && EXTENSIONS.has(name.slice(dot).toLowerCase());
}
