import { useDismissableDetails } from '../app/common/useDismissableDetails.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import type { BoardSession } from '../sync/BoardSession.ts';
import { useParticipantRoster } from './useParticipantRoster.ts';

const ROLE_LABEL: Record<string, MessageKey> = {
  facilitator: 'role.facilitator',
  editor: 'role.editor',
  viewer: 'role.viewer',
};

/** Facilitator's list of everyone on the board, with their role and whether they are connected. */
export function ParticipantRoster({ session }: { session: BoardSession }) {
  const t = useT();
  const roster = useParticipantRoster(session);
  const connected = roster.filter((entry) => entry.connected).length;
  const details = useDismissableDetails();
  return (
    <details ref={details} className="ip-fbar__menu" data-testid="roster">
      <summary className="ip-fbar__button" title={t('facilitation.roster.hint')}>
        {t('facilitation.roster.button', { count: connected })}
      </summary>
      <div className="ip-fbar__popover ip-fbar__popover--roster">
        <ul aria-label={t('facilitation.roster.label')} className="ip-roster">
          {roster.map((entry) => (
            <li key={entry.clientId} className="ip-roster__row" data-connected={entry.connected}>
              <span className="ip-roster__dot" style={{ background: entry.colour }} aria-hidden="true" />
              <span className="ip-roster__name">
                {entry.name}
                {entry.isSelf && <span className="ip-roster__you"> ({t('people.you')})</span>}
              </span>
              <span className={`ip-roster__role ip-roster__role--${entry.role ?? 'unknown'}`}>
                {entry.role ? t(ROLE_LABEL[entry.role] ?? 'role.editor') : '?'}
              </span>
              <span className="ip-roster__state">
                {entry.connected ? t('facilitation.roster.connected') : t('facilitation.roster.left')}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
