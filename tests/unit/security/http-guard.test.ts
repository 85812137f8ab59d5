import { describe, expect, it } from 'vitest';
import { resolve, join } from 'node:path';
import { hostAllowed, newToken, originAllowed, tokenMatches } from '../../../cli/serve/http-guard.js';
import { resolveStaticPath } from '../../../cli/serve/static-files.js';
import { contentSecurityPolicy } from '../../../core/security/content-security-policy.js';

describe('browser-mode guard', () => {
  it('accepts only our loopback Host (no DNS rebinding)', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true);
    expect(hostAllowed('localhost:4000', 4000)).toBe(true);
    expect(hostAllowed('127.0.0.1:4001', 4000)).toBe(false);
    expect(hostAllowed('evil.example:4000', 4000)).toBe(false);
    expect(hostAllowed(undefined, 4000)).toBe(false);
  });

  it('accepts no Origin or our own, refuses every other', () => {
    expect(originAllowed(undefined, 4000)).toBe(true);
    expect(originAllowed('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(originAllowed('http://evil.example', 4000)).toBe(false);
    expect(originAllowed('null', 4000)).toBe(false);
    expect(originAllowed('https://127.0.0.1:4000', 4000)).toBe(false);
  });

  it('requires the exact token', () => {
    const token = newToken();
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(newToken()).not.toBe(token);
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token.slice(0, -1), token)).toBe(false);
    expect(tokenMatches(`${token}x`, token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
    expect(tokenMatches(null, token)).toBe(false);
  });

  it('serves static files only from inside the UI folder', () => {
    const root = resolve('/srv/ui');
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a.js')).toBe(join(root, 'assets', 'a.js'));
    for (const bad of [
      '/../secret',
      '/%2e%2e/secret',
      '/assets%2f..%2f..%2fx',
      '/a%00',
      '/..%5cx',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticPath(root, bad)).toBeNull();
    }
  });
});

describe('Content-Security-Policy', () => {
  const csp = contentSecurityPolicy();
  it('allows scripts only from the app and forbids plugins, frames, forms and <base>', () => {
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    for (const directive of [
      "object-src 'none'",
      "frame-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "default-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
  });
});
