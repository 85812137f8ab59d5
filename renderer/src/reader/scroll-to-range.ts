/**
 * Scrolling the reader to a place in the text (a remembered reading position, a highlight, a
 * search hit).
 *
 * Why it aligns again on the next frames: blocks of the article that are off screen have estimated
 * heights (`content-visibility: auto` in app.css) until they come near the viewport. Right after a
 * jump, the blocks around the target are laid out at their real heights and the target moves. Each
 * frame re-aligns it until it stays put (at most MAX_FRAMES), unless the user scrolls meanwhile.
 */
const MAX_FRAMES = 6;

/** What the user does to scroll; any of it ends the re-aligning. */
const USER_SCROLL_EVENTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Scroll `container` so that the start of `rangeAt()` sits `fromTop(box)` pixels below its top
 * edge (`box`: the container's client rect). Returns a function that stops the re-aligning.
 */
export function scrollToRange(
  container: HTMLElement,
  rangeAt: () => Range | null,
  fromTop: (box: DOMRect) => number,
): () => void {
  const align = (): boolean => {
    const rect = rangeAt()?.getBoundingClientRect();
    if (!rect) return false;
    const box = container.getBoundingClientRect();
    const before = container.scrollTop;
    container.scrollTop = before + (rect.top - box.top - fromTop(box));
    return Math.abs(container.scrollTop - before) >= 1;
  };
  let frame = 0;
  let request = 0;
  const stop = (): void => {
    cancelAnimationFrame(request);
    for (const type of USER_SCROLL_EVENTS) container.removeEventListener(type, stop);
  };
  const again = (): void => {
    frame++;
    // The first frame after the jump lays out the blocks around the target: always look once more.
    if ((align() || frame === 1) && frame < MAX_FRAMES) request = requestAnimationFrame(again);
    else stop();
  };
  align();
  request = requestAnimationFrame(again);
  for (const type of USER_SCROLL_EVENTS) container.addEventListener(type, stop, { passive: true });
  return stop;
}
