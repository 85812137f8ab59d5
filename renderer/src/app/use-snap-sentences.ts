/** Whether selections snap to whole sentences (`s`), remembered across sessions. */
import { useCallback, useState } from 'react';

const SNAP_KEY = 'gloss.snapSentences';

export function useSnapSentences(): [boolean, () => void] {
  const [snap, setSnap] = useState(() => localStorage.getItem(SNAP_KEY) === '1');
  const toggle = useCallback(() => {
    setSnap((on) => {
      localStorage.setItem(SNAP_KEY, on ? '0' : '1');
      return !on;
    });
  }, []);
  return [snap, toggle];
}
