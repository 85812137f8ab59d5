/**
 * `value`, taken up only once the browser has painted the frame that shows what changed with it.
 * For panes that may hold a thousand items beside the reader: useDeferredValue renders them "later",
 * but React starts that render at once, so its layout work (measuring rows) still landed before
 * the frame that shows the article's highlights, and delayed it by tens of milliseconds.
 */
import { startTransition, useEffect, useState } from 'react';

/** Runs `run` just after the next frame is painted (a message posted in requestAnimationFrame). */
function afterNextPaint(run: () => void): () => void {
  let cancelled = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    if (!cancelled) run();
  };
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    channel.port1.close();
  };
}

export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    return afterNextPaint(() => startTransition(() => setShown(value)));
  }, [shown, value]);
  return shown;
}
