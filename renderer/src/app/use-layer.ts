/** The layer (whose highlights are shown) of the open library, remembered per library. */
import { useCallback, useState } from 'react';
import { ALL_CODERS, loadLayer, saveLayer, type Layer } from '../coders/layers.js';

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
