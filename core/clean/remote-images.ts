/**
 * Remote images are never fetched while reading: each <img> becomes an empty placeholder
 * <span class="gloss-image" data-src="…" data-alt="…" role="img" aria-label="…">. The renderer may
 * swap the real image in when the user enables images. The placeholder holds no text (alt text is
 * in attributes; show it with CSS `content: attr(data-alt)`), so swapping it changes no offsets.
 * A <span> rather than a <figure>, because it is valid inside the <p> that usually holds the image,
 * and the HTML must parse back into the same tree in the renderer.
 */

import { elementsIn } from './elements-in.js';
import { SAFE_URL } from './sanitize.js';

export const IMAGE_PLACEHOLDER_CLASS = 'gloss-image';
const IMAGES = new Set(['img']);

/** Replace every <img> under `root`; returns how many remote (http/https) images were replaced. */
export function replaceImages(root: Element): number {
  let remote = 0;
  for (const img of elementsIn(root, IMAGES)) {
    const src = (img.getAttribute('src') ?? '').trim();
    // DOMPurify always lets data: URLs through on <img>; Gloss shows no inline images either.
    if (!src || !SAFE_URL.test(src)) {
      img.remove();
      continue;
    }
    const alt = (img.getAttribute('alt') || img.getAttribute('title') || '').trim();
    const span = img.ownerDocument.createElement('span');
    span.setAttribute('class', IMAGE_PLACEHOLDER_CLASS);
    span.setAttribute('data-src', src);
    span.setAttribute('role', 'img');
    if (alt) {
      span.setAttribute('data-alt', alt);
      span.setAttribute('aria-label', alt);
    }
    img.replaceWith(span);
    if (/^https?:/i.test(src) || src.startsWith('//')) remote++;
  }
  return remote;
}
