import { useCallback, useEffect, useRef } from 'react';

/**
 * For work that a newer request replaces (reading the files picked last):
 * `restart()` aborts the previous run and returns the new run's signal;
 * `cancel()` aborts the current one; unmounting aborts it too.
 */
export function useRestartableTask(): { restart: () => AbortSignal; cancel: () => void } {
  const current = useRef<AbortController | null>(null);
  const cancel = useCallback(() => current.current?.abort(), []);
  const restart = useCallback(() => {
    current.current?.abort();
    current.current = new AbortController();
    return current.current.signal;
  }, []);
  useEffect(() => cancel, [cancel]);
  return { restart, cancel };
}
