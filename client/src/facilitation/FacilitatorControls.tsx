import { PHASES, setBoardLocked, setLayoutLocked, setPhase, type Phase } from '@interplay/shared';
import { useStore } from 'zustand';
import { useT } from '../i18n/index.ts';
import type { BoardSession } from '../sync/BoardSession.ts';
import { facilitationStore } from './facilitationStore.ts';
import { LinkRenewal } from './LinkRenewal.tsx';
import { DeleteBoardMenu } from '../privacy/DeleteBoardMenu.tsx';
import { ParticipantRoster } from './ParticipantRoster.tsx';
import type { BoardPermissionsView } from '../canvas/editing/boardPermissions.ts';
import { useLocalSelection } from './useLocalSelection.ts';
import { PHASE_LABEL } from './phaseLabel.ts';

interface ToggleProps {
  pressed: boolean;
  label: string;
  hint: string;
  onClick(): void;
  testId: string;
}

function Toggle({ pressed, label, hint, onClick, testId }: ToggleProps) {
  return (
    <button
      type="button"
      className="ip-fbar__button ip-fbar__toggle"
      aria-pressed={pressed}
      title={hint}
      onClick={onClick}
      data-testid={testId}
    >
      {label}
    </button>
  );
}

/**
 * The facilitator's controls: phase, locks, follow, bring here, spotlight, show my view, participants, links,
 * deleting the board.
 */
export function FacilitatorControls({
  session,
  permissions,
  facilitatorKey,
}: {
  session: BoardSession;
  permissions: BoardPermissionsView;
  facilitatorKey: string | null;
}) {
  const t = useT();
  const local = facilitationStore(session.boardId);
  const follow = useStore(local, (state) => state.follow);
  const spotlight = useStore(local, (state) => state.spotlight);
  const sharing = useStore(local, (state) => state.sharing);
  const selection = useLocalSelection(session.awareness);
  const { settings } = permissions;
  const { doc } = session;

  return (
    <>
      <div className="ip-fbar__group" role="group" aria-label={t('facilitation.group.session')}>
        <label className="ip-fbar__phase" title={t('facilitation.phase.hint')}>
          <span className="visually-hidden">{t('facilitation.phase.label')}</span>
          <select
            value={settings.phase}
            onChange={(event) => setPhase(doc, event.target.value as Phase)}
            data-testid="phase-select"
          >
            {PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {t('facilitation.phase.badge', { phase: t(PHASE_LABEL[phase]) })}
              </option>
            ))}
          </select>
        </label>
        <Toggle
          pressed={settings.layoutLocked}
          label={t('facilitation.lockLayout')}
          hint={t('facilitation.lockLayoutHint')}
          onClick={() => setLayoutLocked(doc, !settings.layoutLocked)}
          testId="lock-layout"
        />
        <Toggle
          pressed={settings.boardLocked}
          label={t('facilitation.lockBoard')}
          hint={t('facilitation.lockBoardHint')}
          onClick={() => setBoardLocked(doc, !settings.boardLocked)}
          testId="lock-board"
        />
      </div>
      <div className="ip-fbar__group" role="group" aria-label={t('facilitation.group.attention')}>
        <Toggle
          pressed={follow}
          label={t('facilitation.followMe')}
          hint={t('facilitation.followMeHint')}
          onClick={() => local.getState().setFollow(!follow)}
          testId="follow-me"
        />
        <button
          type="button"
          className="ip-fbar__button"
          title={t('facilitation.bringHereHint')}
          onClick={() => local.getState().summon()}
          data-testid="bring-here"
        >
          {t('facilitation.bringHere')}
        </button>
        {spotlight ? (
          <button
            type="button"
            className="ip-fbar__button ip-fbar__button--spotlight"
            aria-pressed="true"
            title={t('facilitation.spotlightEndHint', { count: spotlight.length })}
            onClick={() => local.getState().setSpotlight(null)}
            data-testid="spotlight"
          >
            {t('facilitation.spotlightEnd')}
          </button>
        ) : (
          <button
            type="button"
            className="ip-fbar__button"
            aria-pressed="false"
            disabled={selection.length === 0}
            title={
              selection.length === 0
                ? t('facilitation.spotlightNeedsSelection')
                : t('facilitation.spotlightHint')
            }
            onClick={() => local.getState().setSpotlight(selection)}
            data-testid="spotlight"
          >
            {t('facilitation.spotlight')}
          </button>
        )}
        <Toggle
          pressed={sharing}
          label={t('insight.shareShort')}
          hint={t('insight.shareHint')}
          onClick={() => local.getState().setSharing(!sharing)}
          testId="share-view"
        />
      </div>
      <div className="ip-fbar__group">
        <ParticipantRoster session={session} />
        {facilitatorKey !== null && <LinkRenewal boardId={session.boardId} facilitatorKey={facilitatorKey} />}
        {facilitatorKey !== null && (
          <DeleteBoardMenu boardId={session.boardId} title={session.title} facilitatorKey={facilitatorKey} />
        )}
      </div>
    </>
  );
}
