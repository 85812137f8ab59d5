/**
 * How the reader widens a selection, remembered across sessions: to whole sentences (`s`, off by
 * default), and an English selection cut inside a word to whole words (on by default).
 */
import { useCallback, useState } from 'react';

const SNAP_KEY = 'gloss.snapSentences';
const WORDS_KEY = 'gloss.wholeWords';

/** A switch kept in this browser's storage under `key` ('1' on, '0' off). */
function useStoredSwitch(key: string, byDefault: boolean): [boolean, () => void] {
  const [on, setOn] = useState(() => {
    const stored = localStorage.getItem(key);
    return stored === null ? byDefault : stored === '1';
  });
  const toggle = useCallback(() => {
    setOn((was) => {
      localStorage.setItem(key, was ? '0' : '1');
      return !was;
    });
  }, [key]);
  return [on, toggle];
}

export function useSnapSentences(): [boolean, () => void] {
  return useStoredSwitch(SNAP_KEY, false);
}

export function useWholeWords(): [boolean, () => void] {
  return useStoredSwitch(WORDS_KEY, true);
}
