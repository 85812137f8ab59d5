/**
 * Remote images in the article body: placeholders by default; the real image inside the
 * placeholder when the library allows remote images (https only, no referrer).
 */
import { useEffect } from 'react';
import type { RefObject } from 'react';
import type { TFunction } from 'i18next';

export function useRemoteImages(
  bodyRef: RefObject<HTMLDivElement | null>,
  nodes: Node[],
  loadImages: boolean,
  t: TFunction,
): void {
  useEffect(() => {
    const el = bodyRef.current;
    if (!el) return;
    const label = t('reader.imagePlaceholder');
    for (const span of el.querySelectorAll<HTMLElement>('.gloss-image[data-src]')) {
      const src = span.dataset.src ?? '';
      span.dataset.label = label; // an attribute, not text: offsets are unaffected
      const existing = span.querySelector('img');
      if (loadImages && /^https:\/\//i.test(src)) {
        if (!existing) {
          const img = document.createElement('img');
          img.src = src;
          img.alt = span.dataset.alt ?? '';
          img.referrerPolicy = 'no-referrer';
          img.loading = 'lazy';
          span.append(img);
          span.classList.add('loaded');
        }
      } else if (existing) {
        existing.remove();
        span.classList.remove('loaded');
      }
    }
  }, [bodyRef, nodes, loadImages, t]);
}
