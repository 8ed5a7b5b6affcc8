import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { dismissRefusal, useRefusal } from './refusalNotice.ts';
import { refusalText } from './refusalText.ts';

/** How long a notice stays before it goes by itself; a list takes longer to read. */
const VISIBLE_MS = 12_000;
const VISIBLE_LIST_MS = 20_000;

/**
 * "Your move of ROC Mondriaan was not applied: the layout is locked." after the server reverted part of this
 * page's changes. Everything else of them was applied, so the notice is all there is to do.
 */
export function RefusalBanner() {
  const t = useT();
  const refusal = useRefusal();
  const text = refusal ? refusalText(t, refusal.notice, refusal.phase) : null;
  const listed = text !== null && text.items.length > 0;
  useEffect(() => {
    if (!refusal) return;
    const timer = setTimeout(dismissRefusal, listed ? VISIBLE_LIST_MS : VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [refusal, listed]);
  if (text === null) return null;
  return (
    <div className="banner ip-refusal" role="alert" data-testid="refusal-notice">
      <div className="ip-refusal__text">
        <p className="ip-refusal__summary">{text.summary}</p>
        {listed && (
          <ul className="ip-refusal__list">
            {text.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
            {text.more !== null && <li className="ip-refusal__more">{text.more}</li>}
          </ul>
        )}
      </div>
      <button
        type="button"
        className="ip-refusal__close"
        onClick={dismissRefusal}
        aria-label={t('refusal.dismiss')}
        title={t('refusal.dismiss')}
      >
        ×
      </button>
    </div>
  );
}
