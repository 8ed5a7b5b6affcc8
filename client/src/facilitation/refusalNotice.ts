import { MAX_LISTED_CHANGES, parseRefusal, type Phase, type RefusedChange } from '@interplay/shared';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RefusedChanges } from './refusalText.ts';

/** What the server did not apply of this page's changes, until the person dismisses it (or it times out). */
export interface Refusal {
  /** The changes the server named, or null when its text was not a notice this page can read. */
  notice: RefusedChanges | null;
  /** The board's phase when the notice came, to name it in a phase refusal. */
  phase: Phase;
  at: number;
}

export const refusalStore = createStore<{ refusal: Refusal | null }>(() => ({ refusal: null }));

const sameChange = (a: RefusedChange, b: RefusedChange): boolean =>
  a.action === b.action &&
  a.subject === b.subject &&
  a.reason === b.reason &&
  a.id === b.id &&
  a.name === b.name;

/**
 * Adds a notice to the one on screen. A page's offline edits can come back in several updates, and a drag
 * under a lock is refused once per write: the person should read one notice with every distinct change in it,
 * not only the last.
 */
export function mergeRefusal(
  shown: Refusal | null,
  notice: RefusedChanges | null,
  phase: Phase,
  at: number,
): Refusal {
  if (notice === null) return shown?.notice ? { ...shown, at } : { notice: null, phase, at };
  if (!shown?.notice) return { notice, phase, at };
  const changes = [...shown.notice.changes];
  let repeated = 0;
  for (const change of notice.changes) {
    if (changes.some((known) => sameChange(known, change))) repeated += 1;
    else changes.push(change);
  }
  return {
    notice: {
      changes: changes.slice(0, MAX_LISTED_CHANGES),
      total: shown.notice.total + notice.total - repeated,
    },
    phase,
    at,
  };
}

/** Shows the server's notice (the reason of its permission-denied message) to the person. */
export function reportRefusal(raw: string, phase: Phase): void {
  const notice = parseRefusal(raw);
  refusalStore.setState(({ refusal }) => ({ refusal: mergeRefusal(refusal, notice, phase, Date.now()) }));
}

export function dismissRefusal(): void {
  refusalStore.setState({ refusal: null });
}

export function useRefusal(): Refusal | null {
  return useStore(refusalStore, (state) => state.refusal);
}
