import type { Awareness } from 'y-protocols/awareness';
import { isRecord, readPresenceUser } from '../presence/presenceUser.ts';

/**
 * The facilitator's awareness field `facilitation`. Kept small: it is resent
 * to everyone whenever any part of the facilitator's presence changes.
 * `viewport` is the CENTRE of the facilitator's view in flow coordinates and
 * the zoom, so screens of other sizes show the same middle.
 */
export interface FacilitationPresence {
  follow: boolean;
  viewport: FlowViewport | null;
  spotlight: { ids: string[] } | null;
  summon: { viewport: FlowViewport; nonce: number } | null;
}

export interface FlowViewport {
  x: number;
  y: number;
  zoom: number;
}

/** The facilitator as others see them. */
export interface FacilitatorPresence {
  clientId: number;
  name: string;
  colour: string;
  facilitation: FacilitationPresence;
}

const MAX_SPOTLIGHT_IDS = 200;
const MAX_ID_LENGTH = 100;

function readViewport(value: unknown): FlowViewport | null {
  if (!isRecord(value)) return null;
  const { x, y, zoom } = value;
  if (typeof x !== 'number' || typeof y !== 'number' || typeof zoom !== 'number') return null;
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(zoom) || zoom <= 0) return null;
  return { x, y, zoom: Math.min(4, Math.max(0.05, zoom)) };
}

/** Validates a remote `facilitation` field: any client can send anything. */
export function readFacilitationPresence(value: unknown): FacilitationPresence | null {
  if (!isRecord(value)) return null;
  const spotlightIds =
    isRecord(value.spotlight) && Array.isArray(value.spotlight.ids)
      ? value.spotlight.ids
          .filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH)
          .slice(0, MAX_SPOTLIGHT_IDS)
      : [];
  const summon = isRecord(value.summon) ? value.summon : null;
  const summonViewport = summon ? readViewport(summon.viewport) : null;
  return {
    follow: value.follow === true,
    viewport: readViewport(value.viewport),
    spotlight: spotlightIds.length > 0 ? { ids: spotlightIds } : null,
    summon:
      summon && summonViewport && typeof summon.nonce === 'number'
        ? { viewport: summonViewport, nonce: summon.nonce }
        : null,
  };
}

/**
 * The facilitator whose lead this page follows (view, "bring everyone here", spotlight): another client
 * whose `user.role` is facilitator. The server stamps that role on every presence state from the
 * connection's key and drops `facilitation` from everyone else's, so no page can make the others obey it.
 * With several (two tabs), the one asking to be followed wins, then one with a spotlight, then the lowest id.
 */
export function findFacilitator(awareness: Awareness): FacilitatorPresence | null {
  const found: FacilitatorPresence[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const user = readPresenceUser(state);
    if (user?.role !== 'facilitator') return;
    const facilitation = readFacilitationPresence(state.facilitation);
    if (!facilitation) return;
    found.push({ clientId, name: user.name, colour: user.colour, facilitation });
  });
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
    (fa.spotlight?.ids.join(' ') ?? '') === (fb.spotlight?.ids.join(' ') ?? '')
  );
}
