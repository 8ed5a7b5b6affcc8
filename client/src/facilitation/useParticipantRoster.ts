import { useEffect, useState } from 'react';
import type { BoardSession } from '../sync/BoardSession.ts';
import { BOARD_ROLES } from '@interplay/shared';
import type { BoardRole } from '@interplay/shared';
import { presentUsers } from '../presence/presenceUser.ts';

export interface RosterEntry {
  clientId: number;
  name: string;
  colour: string;
  /** As the server stamped it on their presence (their key's role); this page's own from its key. */
  role: BoardRole | null;
  connected: boolean;
  isSelf: boolean;
}

/** Facilitators first, then participants, then viewers, then anyone without a known role. */
function roleRank(role: BoardRole | null): number {
  return role === null ? BOARD_ROLES.length : BOARD_ROLES.indexOf(role);
}

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
      for (const { clientId, user, isSelf } of presentUsers(session.awareness)) {
        known.set(clientId, { clientId, ...user, connected: true, isSelf });
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
      }
      const next = [...known.values()]
        .map((entry) => ({ ...entry }))
        .sort(
          (a, b) =>
            Number(b.connected) - Number(a.connected) ||
            roleRank(a.role) - roleRank(b.role) ||
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
