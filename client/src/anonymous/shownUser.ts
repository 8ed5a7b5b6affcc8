import type { PresenceUser } from '@interplay/shared';
import { languageStore, translate } from '../i18n/index.ts';

/**
 * Someone present as this page shows them: on the anonymised view the server numbers people instead of
 * naming them, and the page calls them "Participant 3" in its language.
 */
export function shownUser(user: PresenceUser): PresenceUser {
  if (user.participant === undefined) return user;
  return {
    ...user,
    name: translate(languageStore.getState().language, 'board.participantNumber', { n: user.participant }),
  };
}
