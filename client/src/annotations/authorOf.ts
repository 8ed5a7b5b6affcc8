import type { Author } from '@interplay/shared';
import { FALLBACK_PRESENCE_COLOUR, MAX_AUTHOR_NAME_LENGTH, isHexColour } from '@interplay/shared';
import { identityStore } from '../app/identity/userIdentity.ts';
import { ownUser } from '../presence/presenceUser.ts';
import type { BoardSession } from '../sync/BoardSession.ts';
import type { Translate } from '../i18n/index.ts';

/**
 * Who is writing: the awareness user (what the others see next to this
 * person's cursor), else the remembered identity. Read at the moment of the
 * command, so a rename applies to the next comment.
 */
export function authorOf(session: BoardSession): Author {
  const user = ownUser(session.awareness);
  const identity = identityStore.getState();
  const name = user?.name ?? identity.name ?? '';
  const colour = user?.colour ?? identity.colour;
  return {
    name: (name.trim() || '?').slice(0, MAX_AUTHOR_NAME_LENGTH),
    colour: isHexColour(colour) ? colour : FALLBACK_PRESENCE_COLOUR,
  };
}

/** An author's name as shown: the anonymised view has none, and says "Anonymous". */
export function authorName(author: Author, t: Translate): string {
  return author.name === '' ? t('annotations.anonymousAuthor') : author.name;
}
