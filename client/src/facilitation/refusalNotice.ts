import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { MessageKey } from '../i18n/index.ts';

/** The last refused change, kept outside the session so the notice outlives the resync it causes. */
export interface Refusal {
  reason: MessageKey;
  /** The server's own words, for anything we do not recognise. */
  raw: string;
  at: number;
}

export const refusalStore = createStore<{ refusal: Refusal | null }>(() => ({ refusal: null }));

const REASONS: Record<string, MessageKey> = {
  move: 'facilitation.refused.move',
  edit: 'facilitation.refused.edit',
  organisation: 'facilitation.refused.phase',
  person: 'facilitation.refused.phase',
  project: 'facilitation.refused.phase',
  relationship: 'facilitation.refused.phase',
  score: 'facilitation.refused.phase',
  changeSettings: 'facilitation.refused.settings',
  comment: 'facilitation.refused.comment',
  unresolved: 'facilitation.refused.unresolved',
};

/**
 * Maps the server's refusal ("update refused: move", see the facilitation
 * core README) to an explanation.
 */
export function refusalReasonKey(raw: string): MessageKey {
  const code = /update refused:\s*(\w+)/.exec(raw)?.[1] ?? '';
  return REASONS[code] ?? 'facilitation.refused.other';
}

export function reportRefusal(raw: string): void {
  refusalStore.setState({ refusal: { reason: refusalReasonKey(raw), raw, at: Date.now() } });
}

export function dismissRefusal(): void {
  refusalStore.setState({ refusal: null });
}

export function useRefusal(): Refusal | null {
  return useStore(refusalStore, (state) => state.refusal);
}
