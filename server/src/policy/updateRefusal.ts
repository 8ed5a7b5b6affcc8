import type * as Y from 'yjs';
import { readSettings } from '@interplay/shared';
import type { BoardRole } from '@interplay/shared';
import { checkUpdate } from './checkUpdate.ts';
import { classifyUpdate } from './classifyUpdate.ts';
import type { DecodedUpdate } from './classifyUpdate.ts';

/**
 * Why the room must refuse this client update, or null to apply it. The
 * facilitator is never checked; everyone else's updates are classified against
 * the room's current document and settings (settings are facilitator-only at
 * all times, so editors are always checked; the check costs a decode plus one
 * struct-store lookup per struct, see README-facilitation-core.md).
 */
export function updateRefusal(doc: Y.Doc, role: BoardRole, update: DecodedUpdate): string | null {
  if (role === 'facilitator') return null;
  return checkUpdate(role, readSettings(doc), classifyUpdate(doc, update));
}
