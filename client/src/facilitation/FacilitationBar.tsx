import { isReadOnlyRole } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import type { BoardSession } from '../sync/BoardSession.ts';
import { FacilitatorControls } from './FacilitatorControls.tsx';
import { PHASE_LABEL } from './phaseLabel.ts';
import { PresentMode } from './PresentMode.tsx';
import { setPresentMode } from './presentMode.ts';
import { RefusalBanner } from './RefusalBanner.tsx';
import { useBoardPermissions } from './useBoardPermissions.ts';
import './facilitation.css';

/** The key this page was opened with (the facilitator's, on the facilitator's page). */
function pageKey(): string | null {
  const key = new URLSearchParams(window.location.search).get('key');
  return key === null || key === '' ? null : key;
}

/**
 * The bar under the board header. Everyone sees the current phase, what a
 * lock means for them, and a Present button; the facilitator gets the
 * session controls. Hidden in present mode.
 */
export function FacilitationBar({ session }: { session: BoardSession }) {
  const t = useT();
  const permissions = useBoardPermissions(session);
  const { settings, role } = permissions;
  const facilitator = role === 'facilitator';

  return (
    <>
      <div
        className={`ip-fbar${facilitator ? ' ip-fbar--facilitator' : ''}`}
        role="region"
        aria-label={t('facilitation.bar')}
        data-testid="facilitation-bar"
      >
        {/* The facilitator's phase select shows the phase already. */}
        {!facilitator && (
          <span
            className={`ip-phase-badge ip-phase-badge--${settings.phase}`}
            data-testid="phase-badge"
            data-phase={settings.phase}
          >
            {t('facilitation.phase.badge', { phase: t(PHASE_LABEL[settings.phase]) })}
          </span>
        )}
        {facilitator ? (
          <FacilitatorControls session={session} permissions={permissions} facilitatorKey={pageKey()} />
        ) : (
          <div className="ip-fbar__notices" role="status">
            {settings.boardLocked && !isReadOnlyRole(role) && (
              <span className="ip-lock-notice" data-testid="board-lock-notice">
                {t('facilitation.notice.boardLocked')}
              </span>
            )}
            {settings.layoutLocked && !settings.boardLocked && !isReadOnlyRole(role) && (
              <span className="ip-lock-notice" data-testid="layout-lock-notice">
                {t('facilitation.notice.layoutLocked')}
              </span>
            )}
            {settings.phase !== 'open' && !settings.boardLocked && !isReadOnlyRole(role) && (
              <span className="ip-fbar__note">{t(`facilitation.phaseExplain.${settings.phase}`)}</span>
            )}
          </div>
        )}
        <div className="ip-fbar__spacer" />
        <button
          type="button"
          className={`ip-fbar__button${facilitator ? ' ip-fbar__button--primary' : ''}`}
          title={t('facilitation.present.hint')}
          onClick={() => setPresentMode(true)}
          data-testid="present"
        >
          {t('facilitation.present.button')}
        </button>
      </div>
      <RefusalBanner />
      <PresentMode />
    </>
  );
}
