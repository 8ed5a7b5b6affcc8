import { useT } from '../i18n/index.ts';
import { useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { useInsight, useInsightStore } from './InsightContext.ts';

/**
 * The facilitator's "Show my view to everyone" toggle; on everyone else's page, while the facilitator shows
 * a view, whose view this is and a way to step out of it (and back in), as with following.
 */
export function SharedViewControl() {
  const t = useT();
  const { session } = useBoardViewContext();
  const insight = useInsightStore();
  const sharing = useInsight((s) => s.sharing);
  const shared = useInsight((s) => s.shared);
  const steppedOut = useInsight((s) => s.steppedOut);
  if (session.role === 'facilitator') {
    return (
      <button
        type="button"
        className="ip-insight-bar__button"
        aria-pressed={sharing}
        title={t('insight.shareHint')}
        data-testid="share-view"
        onClick={() => insight.getState().setSharing(!sharing)}
      >
        {t(sharing ? 'insight.shareStop' : 'insight.share')}
      </button>
    );
  }
  if (!shared) return null;
  return (
    <span className="ip-insight-bar__shared" data-testid="shared-view">
      {!steppedOut && <span role="status">{t('insight.sharedBy', { name: shared.name })}</span>}
      <button
        type="button"
        className="ip-insight-bar__button"
        data-testid={steppedOut ? 'shared-view-back' : 'shared-view-leave'}
        onClick={() => insight.getState().setSteppedOut(!steppedOut)}
      >
        {steppedOut ? t('insight.stepIn', { name: shared.name }) : t('insight.stepOut')}
      </button>
    </span>
  );
}
