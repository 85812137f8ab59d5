/**
 * The Content-Security-Policy of the Gloss UI, the same in the desktop app and the browser mode.
 * Scripts only from the app itself, no plugins, no frames, no forms, no <base>. Images come from
 * the app and data: URLs only, unless the open library shows remote images (a per-library
 * setting, off by default): then also from https:. The hosts compute the policy for every
 * response, so a page loaded after the setting changed gets the new one; the renderer reloads
 * itself when the setting differs from the one its page was loaded with.
 */
export interface PolicyOptions {
  /** The open library shows images from the web. */
  remoteImages?: boolean;
  connectSrc?: string[];
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', ...(options.remoteImages ? ['https:'] : [])],
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

/** What the policy depends on in a running Gloss: whether the open library shows remote images. */
export interface PolicySource {
  session: { info: { loadRemoteImages: boolean } } | null;
}

/** The policy for the library open now (none open: no remote images). */
export function currentPolicy(source: PolicySource | null | undefined): string {
  return contentSecurityPolicy({ remoteImages: source?.session?.info.loadRemoteImages === true });
}
