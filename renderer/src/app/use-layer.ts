/** The layer (whose highlights are shown) of the open library, remembered per library, and what it shows. */
import { useCallback, useMemo, useState } from 'react';
import { ALL_CODERS, layerIncludes, loadLayer, saveLayer, type Layer } from '../coders/layers.js';
import type { Coding } from '../coding/use-coding.js';

export function useLayer(libraryRoot: string | null): [Layer, (layer: Layer) => void] {
  const [held, setHeld] = useState<{ root: string | null; layer: Layer }>(() => ({
    root: libraryRoot,
    layer: libraryRoot ? loadLayer(libraryRoot) : ALL_CODERS,
  }));
  // Another library: its own layer (read while rendering, so no frame shows the last one's).
  let current = held;
  if (held.root !== libraryRoot) {
    current = { root: libraryRoot, layer: libraryRoot ? loadLayer(libraryRoot) : ALL_CODERS };
    setHeld(current);
  }
  const set = useCallback(
    (layer: Layer) => {
      setHeld({ root: libraryRoot, layer });
      if (libraryRoot) saveLayer(libraryRoot, layer);
    },
    [libraryRoot],
  );
  return [current.layer, set];
}

/**
 * The coding state as the layer shows it (the reader, the pane, the keys and jumps use it), and
 * `showMine`: a highlight of mine was just made or copied, so my highlights come into view.
 */
export function useLayeredCoding(
  coding: Coding,
  layer: Layer,
  setLayer: (layer: Layer) => void,
  myCoderId: string,
) {
  const shown = useMemo(
    () =>
      layer.show === 'all'
        ? coding
        : { ...coding, annotations: coding.annotations.filter((a) => layerIncludes(layer, a)) },
    [coding, layer],
  );
  const showMine = useCallback(() => {
    if (layerIncludes(layer, { coderId: myCoderId, mine: true })) return;
    setLayer(
      layer.show === 'chosen'
        ? { show: 'chosen', coderIds: [...layer.coderIds, myCoderId] }
        : { show: 'all' },
    );
  }, [layer, setLayer, myCoderId]);
  return { shownCoding: shown, showMine };
}
