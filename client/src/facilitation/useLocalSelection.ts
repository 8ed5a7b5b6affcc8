import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

function readSelection(awareness: Awareness): readonly string[] {
  const selection: unknown = awareness.getLocalState()?.selection;
  return Array.isArray(selection) ? selection.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * This page's own selection on the map, as the canvas publishes it in
 * awareness: the header bar sits outside the canvas and reads it from there.
 */
export function useLocalSelection(awareness: Awareness): readonly string[] {
  const [selection, setSelection] = useState<readonly string[]>(() => readSelection(awareness));
  useEffect(() => {
    const update = (): void =>
      setSelection((previous) => {
        const next = readSelection(awareness);
        return previous.length === next.length && previous.every((id, i) => id === next[i]) ? previous : next;
      });
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return selection;
}
