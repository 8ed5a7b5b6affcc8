import { createStore } from 'zustand/vanilla';
import type { Position } from '@interplay/shared';

/**
 * Where a new free note is being written, before it exists: a thread needs
 * its first message, so the note enters the board only when it is sent.
 * Local to this page (one open board at a time).
 */
export const noteDraftStore = createStore<{ draft: Position | null }>(() => ({ draft: null }));

export function startNoteDraft(position: Position): void {
  noteDraftStore.setState({ draft: { x: Math.round(position.x), y: Math.round(position.y) } });
}

export function cancelNoteDraft(): void {
  noteDraftStore.setState({ draft: null });
}
