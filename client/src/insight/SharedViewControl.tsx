import { useT } from '../i18n/index.ts';
import { useInsight, useInsightStore } from './InsightContext.ts';

/**
 * While the facilitator shows their view (the session bar's "Show my view"), whose view this page shows
 * and a way to step out of it (and back in), as with following.
 */
export function SharedViewControl() {
  const t = useT();
  const insight = useInsightStore();
  const shared = useInsight((s) => s.shared);
  const steppedOut = useInsight((s) => s.steppedOut);
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
