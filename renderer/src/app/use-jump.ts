/**
 * A jump to a search hit or a highlight waits until its article (and, for a highlight, its placed
 * highlights) is on screen, then scrolls there and makes the highlight the active one.
 */
import { useEffect, type Dispatch, type RefObject } from 'react';
import type { AnchoredAnnotation, OpenedArticle } from '../../../core/model.js';
import type { ReaderHandle } from '../components/ReaderPane.js';
import { locateHit } from '../reader/locate-hit.js';
import type { Jump, NavigationEvent } from '../state/navigation.js';

export function useJump(
  jump: Jump | null,
  shown: OpenedArticle | null,
  annotations: readonly AnchoredAnnotation[],
  reader: RefObject<ReaderHandle | null>,
  dispatch: Dispatch<NavigationEvent>,
): void {
  useEffect(() => {
    if (!jump || !shown || shown.id !== jump.articleId) return;
    let range = jump.hit ? (locateHit(shown.doc.text, jump.hit) ?? undefined) : undefined;
    const target = jump.annotationId ? annotations.find((a) => a.id === jump.annotationId) : undefined;
    if (jump.annotationId) {
      if (!target) return;
      range = target.range ?? undefined;
    }
    const timer = setTimeout(() => {
      if (range) reader.current?.jumpTo(range, !target && Boolean(jump.hit));
      dispatch({ type: 'jumped', activeId: target?.id });
    }, 30);
    return () => clearTimeout(timer);
  }, [jump, shown, annotations, reader, dispatch]);
}
