// `img-src https:` is in the UI's policy only while the open library shows remote images, and the
// browser-mode host computes the policy for each response, so a page loaded after the switch gets
// the new one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, currentPolicy } from '../../../core/security/content-security-policy.js';
import { serveTestLibrary, type ServedLibrary } from '../cli/serve-test-library.js';

const imgSrc = (policy: string) => /(?:^|; )img-src ([^;]*)/.exec(policy)?.[1];

describe('the img-src of the policy', () => {
  it('allows only the app and data: URLs unless remote images are on', () => {
    expect(imgSrc(contentSecurityPolicy())).toBe("'self' data:");
    expect(imgSrc(contentSecurityPolicy({ remoteImages: false }))).toBe("'self' data:");
    expect(imgSrc(contentSecurityPolicy({ remoteImages: true }))).toBe("'self' data: https:");
  });

  it('follows the open library’s setting; no library open means no remote images', () => {
    expect(imgSrc(currentPolicy(null))).toBe("'self' data:");
    expect(imgSrc(currentPolicy({ session: null }))).toBe("'self' data:");
    expect(imgSrc(currentPolicy({ session: { info: { loadRemoteImages: false } } }))).toBe("'self' data:");
    expect(imgSrc(currentPolicy({ session: { info: { loadRemoteImages: true } } }))).toBe(
      "'self' data: https:",
    );
  });

  it('changes nothing else', () => {
    const off = contentSecurityPolicy().split('; ');
    const on = contentSecurityPolicy({ remoteImages: true }).split('; ');
    expect(on.filter((d) => !off.includes(d))).toEqual(["img-src 'self' data: https:"]);
  });
});

describe('gloss serve', () => {
  let served: ServedLibrary;
  beforeAll(async () => {
    served = await serveTestLibrary({ 'a.md': '---\ntitle: A\n---\n\n![x](https://example.org/x.png)\n' });
  });
  afterAll(async () => {
    await served?.close();
  });

  const pagePolicy = async () =>
    (await fetch(`http://127.0.0.1:${served.server.port}/`)).headers.get('content-security-policy') ?? '';
  const setRemoteImages = (on: boolean) =>
    fetch(`http://127.0.0.1:${served.server.port}/api/op/setLibraryOptions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': served.token },
      body: JSON.stringify({ loadRemoteImages: on }),
    });

  it('serves the page with the policy of the setting in force at each request', async () => {
    expect(imgSrc(await pagePolicy())).toBe("'self' data:");
    expect((await setRemoteImages(true)).status).toBe(200);
    expect(imgSrc(await pagePolicy())).toBe("'self' data: https:");
    expect((await setRemoteImages(false)).status).toBe(200);
    expect(imgSrc(await pagePolicy())).toBe("'self' data:");
  });
});
