/**
 * The Content-Security-Policy of the Gloss UI, the same in the desktop app and the browser mode.
 * Scripts only from the app itself, no plugins, no frames, no forms, no <base>. Images may come
 * from https: because a user can switch remote images on per library; the cleaner replaces them
 * with placeholders otherwise, so nothing is fetched by default.
 */
export function contentSecurityPolicy(options: { connectSrc?: string[] } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'https:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(options.connectSrc ?? [])],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'child-src': ["'none'"],
    'worker-src': ["'self'"],
    'media-src': ["'none'"],
    'manifest-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
