import { useEffect, useState } from 'react';
import type { BoardSession } from '../../sync/BoardSession.ts';

export interface Participant {
  clientId: number;
  name: string;
  colour: string;
  isSelf: boolean;
}

const COLOUR = /^#[0-9a-f]{6}$/i;
const MAX_NAME = 60;

/** Reads one awareness state defensively: any client can send anything. */
function toParticipant(clientId: number, state: unknown, selfId: number): Participant | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = (state as Record<string, unknown>).user;
  if (typeof user !== 'object' || user === null) return null;
  const { name, colour } = user as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') return null;
  return {
    clientId,
    name: name.trim().slice(0, MAX_NAME),
    colour: typeof colour === 'string' && COLOUR.test(colour) ? colour : '#6b7280',
    isSelf: clientId === selfId,
  };
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
