import type { AnonymousWords } from '@interplay/shared';
import type { Translate } from '../i18n/index.ts';

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
