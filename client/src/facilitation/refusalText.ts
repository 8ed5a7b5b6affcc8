import type { Phase, RefusedChange, RefusedSubject } from '@interplay/shared';
import type { MessageKey, Translate } from '../i18n/index.ts';
import { PHASE_LABEL } from './phaseLabel.ts';

/** The changes a server notice named, and how many there were in all (`parseRefusal`). */
export interface RefusedChanges {
  changes: readonly RefusedChange[];
  total: number;
}

/** The notice in words: one sentence, and for several changes the first few of them. */
export interface RefusalText {
  summary: string;
  /** The first few changes (empty for a single change, whose sentence names it). */
  items: string[];
  /** "and 3 more" when the notice named more changes than are listed, else null. */
  more: string | null;
}

/** How many changes of a longer notice are listed by name; a few lines stay readable on a projector. */
export const LISTED_CHANGES = 3;

const SUBJECT: Record<RefusedSubject, MessageKey> = {
  organisation: 'refusal.subject.organisation',
  person: 'refusal.subject.person',
  project: 'refusal.subject.project',
  relationship: 'refusal.subject.relationship',
  comment: 'refusal.subject.comment',
  healthCheck: 'refusal.subject.healthCheck',
  giveTake: 'refusal.subject.giveTake',
  settings: 'refusal.subject.settings',
  board: 'refusal.subject.board',
};

/** The plural a phase refusal names ("does not allow adding organisations"); the others say "scoring" or "it". */
const PLURAL: Partial<Record<RefusedSubject, MessageKey>> = {
  organisation: 'refusal.plural.organisation',
  person: 'refusal.plural.person',
  project: 'refusal.plural.project',
  relationship: 'refusal.plural.relationship',
  comment: 'refusal.plural.comment',
};

/** "move of ROC Mondriaan", "addition of an organisation": what the change would have done, to what. */
export function changeText(t: Translate, change: RefusedChange): string {
  if (change.action === 'settings' || change.subject === 'settings') {
    return t('refusal.action.settings', { thing: t('refusal.subject.settings') });
  }
  // A comment on a comment (a reply) reads better as plain "your comment".
  if (change.action === 'comment' && change.subject === 'comment' && change.name === undefined) {
    return t('refusal.comment');
  }
  const thing = change.name ?? t(SUBJECT[change.subject]);
  return t(`refusal.action.${change.action}`, { thing });
}

/** Why the change was not applied, completing "… was not applied: <reason>". */
export function reasonText(t: Translate, change: RefusedChange, phase: Phase): string {
  switch (change.reason) {
    case 'viewer':
      return t(
        change.action === 'comment' || change.subject === 'comment'
          ? 'refusal.reason.viewerComment'
          : 'refusal.reason.viewer',
      );
    case 'boardLocked':
      return t('refusal.reason.boardLocked');
    case 'layoutLocked':
      return t('refusal.reason.layoutLocked');
    case 'facilitatorOnly':
      return t('refusal.reason.facilitatorOnly');
    case 'purged':
      return t('refusal.reason.purged');
    case 'phase': {
      const phaseName = t(PHASE_LABEL[phase]);
      if (change.action === 'score' || change.subject === 'healthCheck' || change.subject === 'giveTake') {
        return t('refusal.reason.phaseScore', { phase: phaseName });
      }
      const plural = PLURAL[change.subject];
      return plural
        ? t('refusal.reason.phaseAdd', { phase: phaseName, things: t(plural) })
        : t('refusal.reason.phaseOther', { phase: phaseName });
    }
  }
}

const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * The words for a refusal notice in the interface language. `notice` null (a text the page cannot read,
 * e.g. from an older server) gives the general explanation. `phase` is the board's phase when the notice
 * came, for phase refusals.
 */
export function refusalText(t: Translate, notice: RefusedChanges | null, phase: Phase): RefusalText {
  const changes = notice?.changes ?? [];
  const first = changes[0];
  if (notice === null || first === undefined) return { summary: t('refusal.general'), items: [], more: null };
  const total = Math.max(notice.total, changes.length);
  if (total === 1) {
    return {
      summary: t('refusal.one', { change: changeText(t, first), reason: reasonText(t, first, phase) }),
      items: [],
      more: null,
    };
  }
  const reasons = changes.map((change) => reasonText(t, change, phase));
  const shared = reasons.every((reason) => reason === reasons[0]) ? reasons[0] : undefined;
  const listed = changes.slice(0, LISTED_CHANGES);
  const items = listed.map((change, i) => {
    const text = capitalised(changeText(t, change));
    return shared === undefined
      ? t('refusal.itemWithReason', { change: text, reason: reasons[i] ?? '' })
      : text;
  });
  const rest = total - listed.length;
  return {
    summary:
      shared === undefined
        ? t('refusal.severalMixed', { count: total })
        : t('refusal.several', { count: total, reason: shared }),
    items,
    more: rest <= 0 ? null : rest === 1 ? t('refusal.more.one') : t('refusal.more.other', { count: rest }),
  };
}
