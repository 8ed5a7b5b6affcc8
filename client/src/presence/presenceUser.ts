import type { Awareness } from 'y-protocols/awareness';
import { readPresenceSelection, readPresenceUser } from '@interplay/shared';
import type { PresenceUser } from '@interplay/shared';
import { shownUser } from '../anonymous/shownUser.ts';

/** One person on the board, as this page reads awareness (fields and checks: `@interplay/shared` presence). */
export interface PresentUser {
  readonly clientId: number;
  readonly user: PresenceUser;
  /** Their whole presence state, for the other fields' readers (`readPresenceCursor`…). */
  readonly state: unknown;
  readonly isSelf: boolean;
}

/** Everyone in `awareness` with a usable user, this page included (flagged), in awareness order. */
export function presentUsers(awareness: Awareness): PresentUser[] {
  const present: PresentUser[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = readPresenceUser(state);
    if (user)
      present.push({ clientId, user: shownUser(user), state, isSelf: clientId === awareness.clientID });
  });
  return present;
}

/** This page's own user as it publishes it; null before the person has a name. */
export function ownUser(awareness: Awareness): PresenceUser | null {
  return readPresenceUser(awareness.getLocalState());
}

/** This page's own selection as the canvas publishes it. */
export function ownSelection(awareness: Awareness): string[] {
  return readPresenceSelection(awareness.getLocalState());
}
