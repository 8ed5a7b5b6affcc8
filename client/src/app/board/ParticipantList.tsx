import { useT } from '../../i18n/index.ts';
import { useDismissableDetails } from '../common/useDismissableDetails.ts';
import type { Participant } from './usePresence.ts';

/** How many colour dots the closed list shows before "+n". */
const PREVIEW = 5;

interface ParticipantListProps {
  participants: readonly Participant[];
  onEditName: () => void;
}

/** "Present (n)" with colour dots; opens to the full list, you first and marked. */
export function ParticipantList({ participants, onEditName }: ParticipantListProps) {
  const t = useT();
  const hidden = participants.length - PREVIEW;
  const details = useDismissableDetails();
  return (
    <details ref={details} className="participants" data-testid="participants">
      <summary className="participants__summary">
        <span className="participants__dots" aria-hidden="true">
          {participants.slice(0, PREVIEW).map((p) => (
            <span key={p.clientId} className="participants__dot" style={{ background: p.colour }} />
          ))}
          {hidden > 0 && <span className="participants__more">+{hidden}</span>}
        </span>
        <span className="participants__count">{t('people.heading', { count: participants.length })}</span>
      </summary>
      <div className="participants__panel">
        <ul aria-label={t('people.listLabel')} className="participants__list">
          {participants.map((p) => (
            <li key={p.clientId} className="participant" data-self={p.isSelf || undefined}>
              <span className="participant__dot" style={{ background: p.colour }} aria-hidden="true" />
              <span className="participant__name">{p.name}</span>
              {p.isSelf && <span className="participant__you">({t('people.you')})</span>}
              {p.isSelf && (
                <button type="button" className="link-button" onClick={onEditName}>
                  {t('people.editName')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
