import { useEffect, useState } from 'react';
import type { BoardSession } from '../sync/BoardSession.ts';
import { isBoardRole, type BoardRole } from '@interplay/shared';

export interface RosterEntry {
  clientId: number;
  name: string;
  colour: string;
  /** Self-reported by each page in its awareness `user.role`: for display, never for permissions. */
  role: BoardRole | null;
  connected: boolean;
  isSelf: boolean;
}

const COLOUR = /^#[0-9a-f]{6}$/i;

function readUser(state: unknown): { name: string; colour: string; role: BoardRole | null } | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = (state as Record<string, unknown>).user;
  if (typeof user !== 'object' || user === null) return null;
  const { name, colour, role } = user as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') return null;
  return {
    name: name.trim().slice(0, 60),
    colour: typeof colour === 'string' && COLOUR.test(colour) ? colour : '#6b7280',
    role: isBoardRole(role) ? role : null,
  };
}

const ROLE_ORDER: Record<string, number> = { facilitator: 0, editor: 1, viewer: 2 };

/**
 * Everyone who has been on the board since this page opened: the connected
 * ones from awareness, and those who left (marked not connected) until they
 * come back under the same name and colour.
 */
export function useParticipantRoster(session: BoardSession): RosterEntry[] {
  const [roster, setRoster] = useState<RosterEntry[]>([]);
  useEffect(() => {
    const known = new Map<number, RosterEntry>();
    const update = (): void => {
      const states = session.awareness.getStates();
      for (const entry of known.values()) entry.connected = states.has(entry.clientId);
      states.forEach((state, clientId) => {
        const user = readUser(state);
        if (!user) return;
        known.set(clientId, {
          clientId,
          ...user,
          connected: true,
          isSelf: clientId === session.awareness.clientID,
        });
        // Someone who reconnected (a new client id) replaces their departed entry.
        for (const [id, entry] of known) {
          if (
            id !== clientId &&
            !entry.connected &&
            entry.name === user.name &&
            entry.colour === user.colour
          ) {
            known.delete(id);
          }
        }
      });
      const next = [...known.values()]
        .map((entry) => ({ ...entry }))
        .sort(
          (a, b) =>
            Number(b.connected) - Number(a.connected) ||
            (ROLE_ORDER[a.role ?? ''] ?? 3) - (ROLE_ORDER[b.role ?? ''] ?? 3) ||
            a.name.localeCompare(b.name),
        );
      setRoster((previous) =>
        previous.length === next.length &&
        previous.every((p, i) => {
          const q = next[i];
          return (
            q &&
            p.clientId === q.clientId &&
            p.name === q.name &&
            p.role === q.role &&
            p.connected === q.connected &&
            p.colour === q.colour
          );
        })
          ? previous
          : next,
      );
    };
    update();
    session.awareness.on('change', update);
    return () => session.awareness.off('change', update);
  }, [session]);
  return roster;
}
