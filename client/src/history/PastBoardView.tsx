import { useState } from 'react';
import { ExportDialog } from '../export/dialog/ExportDialog.tsx';
import { useLanguage, useT } from '../i18n/index.ts';
import { CompareList } from './CompareList.tsx';
import { formatMomentDate, momentTitle } from './momentText.ts';
import { PastBoardMap } from './PastBoardMap.tsx';
import type { PastView } from './useHistoryView.ts';

/**
 * The board as it was (or what changed), in place of the live map: a banner saying which date is shown with
 * the way back to live, the read-only map, and for a comparison the list of changes. The live board keeps
 * changing for everyone else meanwhile.
 */
export function PastBoardView({
  past,
  boardTitle,
  onBackToLive,
}: {
  past: PastView;
  boardTitle: string;
  onBackToLive: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const [exporting, setExporting] = useState(false);
  const date = past.at === 'now' ? null : formatMomentDate(past.at.at, language);
  const title = past.at === 'now' ? null : momentTitle(past.at, t);
  const from = past.comparison?.from;
  const heading =
    from === undefined
      ? t('history.lookingAt', { date: date ?? '' })
      : t(past.at === 'now' ? 'history.comparingLive' : 'history.comparing', {
          date: formatMomentDate(from.at, language),
        });
  const snapshot = past.comparison?.shown ?? past.state?.snapshot ?? null;

  return (
    <div className="ip-past" data-testid="past-view" data-status={past.status}>
      <div className="banner banner--past" role="status" data-testid="past-banner">
        <span className="ip-past__text">
          <span className="ip-past__heading">
            <strong>{heading}</strong>
            {title !== null && title !== '' && <span className="ip-past__title"> · {title}</span>}
            {from !== undefined && date !== null && <span className="ip-past__title"> → {date}</span>}
          </span>
          <span className="ip-past__note">{t('history.readOnly')}</span>
        </span>
        {past.status === 'ready' && past.state !== null && past.comparison === null && (
          <button
            type="button"
            className="button"
            data-testid="past-export"
            onClick={() => setExporting(true)}
          >
            {t('export.button')}
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          data-testid="back-to-live"
          onClick={onBackToLive}
        >
          {t('history.backToLive')}
        </button>
      </div>
      <div className="ip-past__body">
        {past.status === 'loading' && snapshot === null && (
          <p className="ip-past__message">{t('history.loading')}</p>
        )}
        {past.status === 'failed' && (
          <p className="ip-past__message" role="alert">
            {t('history.failed', { reason: t('error.network') })}
          </p>
        )}
        {past.status !== 'failed' && snapshot !== null && (
          <PastBoardMap
            key={past.comparison === null ? 'moment' : `compare-${past.version}`}
            snapshot={snapshot}
            marks={past.comparison?.marks ?? null}
          />
        )}
        {past.status === 'ready' && past.comparison !== null && (
          <aside className="ip-past__changes" aria-label={heading}>
            <CompareList comparison={past.comparison.result} />
          </aside>
        )}
      </div>
      {exporting && past.state !== null && (
        <ExportDialog
          doc={past.state.doc}
          boardTitle={`${boardTitle} – ${date ?? ''}`}
          selection={[]}
          shown={null}
          colouredByHealth={false}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}
