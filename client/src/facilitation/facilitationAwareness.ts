import type { Awareness } from 'y-protocols/awareness';
import { readFacilitationPresence } from '@interplay/shared';
import type { FacilitationPresence } from '@interplay/shared';
import { presentUsers } from '../presence/presenceUser.ts';

/** The facilitator as others see them. */
export interface FacilitatorPresence {
  clientId: number;
  name: string;
  colour: string;
  facilitation: FacilitationPresence;
}

/**
 * The facilitator whose lead this page follows (view, "bring everyone here", spotlight): another client
 * whose `user.role` is facilitator. The server stamps that role on every presence state from the
 * connection's key and drops `facilitation` from everyone else's, so no page can make the others obey it.
 * With several (two tabs), the one asking to be followed wins, then one with a spotlight, then the lowest id.
 */
export function findFacilitator(awareness: Awareness): FacilitatorPresence | null {
  const found: FacilitatorPresence[] = [];
  for (const { clientId, user, state, isSelf } of presentUsers(awareness)) {
    const facilitation = user.role === 'facilitator' && !isSelf ? readFacilitationPresence(state) : null;
    if (facilitation) found.push({ clientId, name: user.name, colour: user.colour, facilitation });
  }
  const rank = (f: FacilitatorPresence): number =>
    (f.facilitation.follow ? 0 : 2) + (f.facilitation.spotlight ? 0 : 1);
  found.sort((a, b) => rank(a) - rank(b) || a.clientId - b.clientId);
  return found[0] ?? null;
}

/** Two facilitator presences that would look the same to a participant. */
export function sameFacilitator(a: FacilitatorPresence | null, b: FacilitatorPresence | null): boolean {
  if (a === null || b === null) return a === b;
  const fa = a.facilitation;
  const fb = b.facilitation;
  return (
    a.clientId === b.clientId &&
    a.name === b.name &&
    a.colour === b.colour &&
    fa.follow === fb.follow &&
    fa.viewport?.x === fb.viewport?.x &&
    fa.viewport?.y === fb.viewport?.y &&
    fa.viewport?.zoom === fb.viewport?.zoom &&
    fa.summon?.nonce === fb.summon?.nonce &&
    (fa.spotlight?.ids.join(' ') ?? '') === (fb.spotlight?.ids.join(' ') ?? '') &&
    JSON.stringify(fa.view ?? null) === JSON.stringify(fb.view ?? null) &&
    (fa.colourByHealth ?? false) === (fb.colourByHealth ?? false)
  );
}
