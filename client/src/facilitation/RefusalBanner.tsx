import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { dismissRefusal, useRefusal } from './refusalNotice.ts';

/** How long the notice stays before it goes by itself. */
const VISIBLE_MS = 12_000;

/** "Your last change was not accepted: <reason>" after the server refused an update. */
export function RefusalBanner() {
  const t = useT();
  const refusal = useRefusal();
  useEffect(() => {
    if (!refusal) return;
    const timer = setTimeout(dismissRefusal, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [refusal]);
  if (!refusal) return null;
  return (
    <div className="banner ip-refusal" role="alert" data-testid="refusal-notice">
      <span>{t('facilitation.refused.notice', { reason: t(refusal.reason) })}</span>
      <button
        type="button"
        className="ip-refusal__close"
        onClick={dismissRefusal}
        aria-label={t('facilitation.refused.dismiss')}
        title={t('facilitation.refused.dismiss')}
      >
        ×
      </button>
    </div>
  );
}
