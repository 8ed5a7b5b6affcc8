import type { Phase } from '@interplay/shared';
import type { MessageKey } from '../i18n/index.ts';

/** Each phase's name in the interface ("People and roles"), wherever a phase is shown or explained. */
export const PHASE_LABEL: Record<Phase, MessageKey> = {
  open: 'facilitation.phase.open',
  organisations: 'facilitation.phase.organisations',
  people: 'facilitation.phase.people',
  relationships: 'facilitation.phase.relationships',
  scoring: 'facilitation.phase.scoring',
};
