import { useEffect, useState } from 'react';
import type { BoardSession } from '../../sync/BoardSession.ts';
import { readPresenceUser } from '@interplay/shared';
import { shownUser } from '../../anonymous/shownUser.ts';

export interface Participant {
  clientId: number;
  name: string;
  colour: string;
  isSelf: boolean;
}

/** Reads one awareness state defensively: any client can send anything. */
function toParticipant(clientId: number, state: unknown, selfId: number): Participant | null {
  const read = readPresenceUser(state);
  const user = read && shownUser(read);
  return user && { clientId, name: user.name, colour: user.colour, isSelf: clientId === selfId };
}

function readParticipants(session: BoardSession): Participant[] {
  const selfId = session.awareness.clientID;
  const list: Participant[] = [];
  session.awareness.getStates().forEach((state, clientId) => {
    const participant = toParticipant(clientId, state, selfId);
    if (participant) list.push(participant);
  });
  // You first, then the others alphabetically, so the list does not jump around.
  return list.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

function sameParticipants(a: readonly Participant[], b: readonly Participant[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return q !== undefined && p.clientId === q.clientId && p.name === q.name && p.colour === q.colour;
    })
  );
}

/** Everyone present on the board (with a name), from awareness. */
export function usePresence(session: BoardSession): Participant[] {
  const [participants, setParticipants] = useState<Participant[]>(() => readParticipants(session));
  useEffect(() => {
    // Cursor moves also fire 'change'; keep the old array when nobody joined, left or renamed.
    const update = (): void =>
      setParticipants((previous) => {
        const next = readParticipants(session);
        return sameParticipants(previous, next) ? previous : next;
      });
    update();
    session.awareness.on('change', update);
    return () => session.awareness.off('change', update);
  }, [session]);
  return participants;
}
