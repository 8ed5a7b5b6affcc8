/** The facilitator's controls: locks, phases and whether viewers may comment. */
import {
  setBoardLocked,
  setLayoutLocked,
  setPhase,
  setStaleAfterDays,
  setViewersMayComment,
  PHASES,
} from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import type { Command } from './FuzzClient.ts';
import type { Random } from './random.ts';

/** Which facilitator controls a seed exercises (all off: the settings never change). */
export interface SettingsFeatures {
  locks: boolean;
  phases: boolean;
  viewers: boolean;
}

/**
 * One change of the board's settings, chosen against the facilitator's own copy: locks
 * mostly toggle (so a lock is released again later), phases jump to any phase, usually
 * back to `open` when they are not open.
 */
export function settingsCommand(
  board: BoardSnapshot,
  random: Random,
  features: SettingsFeatures,
): Command | null {
  const { settings } = board;
  const weights = {
    layout: features.locks ? 3 : 0,
    board: features.locks ? 2 : 0,
    phase: features.phases ? 3 : 0,
    viewers: features.viewers ? 1 : 0,
    stale: 0.3,
  };
  switch (random.weighted(weights)) {
    case 'layout': {
      const locked = !settings.layoutLocked;
      return { label: `setLayoutLocked ${locked}`, run: (doc) => setLayoutLocked(doc, locked) };
    }
    case 'board': {
      const locked = !settings.boardLocked;
      return { label: `setBoardLocked ${locked}`, run: (doc) => setBoardLocked(doc, locked) };
    }
    case 'phase': {
      const phase = settings.phase !== 'open' && random.chance(0.5) ? 'open' : random.pick(PHASES)!;
      return { label: `setPhase ${phase}`, run: (doc) => setPhase(doc, phase) };
    }
    case 'viewers': {
      const allowed = !settings.viewersMayComment;
      return { label: `setViewersMayComment ${allowed}`, run: (doc) => setViewersMayComment(doc, allowed) };
    }
    case 'stale': {
      const days = random.between(30, 365);
      return { label: `setStaleAfterDays ${days}`, run: (doc) => setStaleAfterDays(doc, days) };
    }
  }
  return null;
}
