import type { AnonymousWords, PresenceUser } from '@interplay/shared';
import { languageStore, translate, type Translate } from '../i18n/index.ts';

/** The words of an anonymised person's label ("Sponsor · Gemeente Leiden") in the interface's language. */
export function anonymousWords(t: Translate): AnonymousWords {
  return {
    roles: {
      sponsor: t('roleBadge.sponsor'),
      scout: t('roleBadge.scout'),
      connector: t('roleBadge.connector'),
    },
    person: t('anonymous.person'),
    noOrganisation: t('anonymous.noOrganisation'),
  };
}

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
