import type * as Y from 'yjs';
import { rootMap, tryRootMap } from '../document.ts';
import { parseInput } from '../records/fields.ts';
import {
  phaseSchema,
  repairSettings,
  sameSettings,
  settingsSchema,
  staleAfterDaysSchema,
} from '../records/settings.ts';
import type { BoardSettings, Phase } from '../types.ts';
import { setField, transactLocal } from './write.ts';

export type SettingsPatch = Partial<BoardSettings>;

/**
 * The board's settings, repaired (defaults for anything missing or invalid).
 * Never throws on document content. The snapshot carries them too
 * (`snapshot.settings`); this is for code that holds only the doc (the server).
 */
export function readSettings(doc: Y.Doc): BoardSettings {
  return repairSettings(tryRootMap(doc, 'settings'));
}

/**
 * Calls `onChange` with the new settings after each transaction that changed what they say (not after
 * every transaction: settings are read wherever the page shows a control, and edits are frequent).
 * @returns an unsubscribe function.
 * @example
 * const stop = observeSettings(doc, (settings) => store.setState(settings, true));
 */
export function observeSettings(doc: Y.Doc, onChange: (settings: BoardSettings) => void): () => void {
  let current = readSettings(doc);
  const check = (): void => {
    const next = readSettings(doc);
    if (sameSettings(current, next)) return;
    current = next;
    onChange(next);
  };
  doc.on('afterTransaction', check);
  return () => doc.off('afterTransaction', check);
}

/**
 * Change some settings in one transaction; throws on invalid values. Only the
 * facilitator's changes are accepted by the server: call this from facilitator
 * controls only. Settings are not part of undo.
 */
export function updateSettings(doc: Y.Doc, patch: SettingsPatch): void {
  const fields = parseInput('updateSettings', settingsSchema.partial(), patch);
  transactLocal(doc, () => {
    const map = rootMap(doc, 'settings');
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) setField(map, key, value);
  });
}

/** Lock or unlock the layout: while locked, only the facilitator may move existing nodes. */
export function setLayoutLocked(doc: Y.Doc, locked: boolean): void {
  updateSettings(doc, { layoutLocked: locked });
}

/** Lock or unlock the board: while locked, only the facilitator may change anything but annotations. */
export function setBoardLocked(doc: Y.Doc, locked: boolean): void {
  updateSettings(doc, { boardLocked: locked });
}

/** Set the session phase (what participants may add); `open` restricts nothing. */
export function setPhase(doc: Y.Doc, phase: Phase): void {
  updateSettings(doc, { phase: parseInput('setPhase', phaseSchema, phase) });
}

/** After how many days without a check a relationship is flagged (1–3650, default 182). */
export function setStaleAfterDays(doc: Y.Doc, days: number): void {
  updateSettings(doc, { staleAfterDays: parseInput('setStaleAfterDays', staleAfterDaysSchema, days) });
}

/** Whether view-only participants may add and change annotations. */
export function setViewersMayComment(doc: Y.Doc, allowed: boolean): void {
  updateSettings(doc, { viewersMayComment: allowed });
}
