import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { ownSelection } from '../presence/presenceUser.ts';

/**
 * This page's own selection on the map, as the canvas publishes it in
 * awareness: the header bar sits outside the canvas and reads it from there.
 */
export function useLocalSelection(awareness: Awareness): readonly string[] {
  const [selection, setSelection] = useState<readonly string[]>(() => ownSelection(awareness));
  useEffect(() => {
    const update = (): void =>
      setSelection((previous) => {
        const next = ownSelection(awareness);
        return previous.length === next.length && previous.every((id, i) => id === next[i]) ? previous : next;
      });
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return selection;
}
