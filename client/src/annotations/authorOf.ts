import type { Author } from '@interplay/shared';
import { MAX_AUTHOR_NAME_LENGTH } from '@interplay/shared';
import { identityStore } from '../app/identity/userIdentity.ts';
import type { BoardSession } from '../sync/BoardSession.ts';

const COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * Who is writing: the awareness user (what the others see next to this
 * person's cursor), else the remembered identity. Read at the moment of the
 * command, so a rename applies to the next comment.
 */
export function authorOf(session: BoardSession): Author {
  const state: unknown = session.awareness.getLocalState();
  const user =
    typeof state === 'object' && state !== null ? (state as Record<string, unknown>).user : undefined;
  const identity = identityStore.getState();
  let name = identity.name ?? '';
  let colour = identity.colour;
  if (typeof user === 'object' && user !== null) {
    const candidate = user as Record<string, unknown>;
    if (typeof candidate.name === 'string' && candidate.name.trim() !== '') name = candidate.name;
    if (typeof candidate.colour === 'string') colour = candidate.colour;
  }
  return {
    name: (name.trim() || '?').slice(0, MAX_AUTHOR_NAME_LENGTH),
    colour: COLOUR.test(colour) ? colour : '#6b7280',
  };
}
