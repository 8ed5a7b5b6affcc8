import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

/**
 * A `<details>` used as a popover closes as popovers do: on Escape (focus goes back to its summary) and on a
 * press anywhere outside it. The browser's own `<details>` does neither.
 */
export function useDismissableDetails(): RefObject<HTMLDetailsElement | null> {
  const ref = useRef<HTMLDetailsElement | null>(null);
  useEffect(() => {
    const close = (): void => {
      const details = ref.current;
      if (details?.open) details.open = false;
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      const details = ref.current;
      if (event.key !== 'Escape' || !details?.open) return;
      close();
      details.querySelector('summary')?.focus();
      // The board's own Escape (leave present mode, clear the selection) is not meant.
      event.stopPropagation();
    };
    const onPointerDown = (event: PointerEvent): void => {
      if (ref.current && !ref.current.contains(event.target as Node)) close();
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, []);
  return ref;
}
