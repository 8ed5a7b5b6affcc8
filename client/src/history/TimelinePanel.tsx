import { useState } from 'react';
import { isReadOnlyRole, nameScrubber } from '@interplay/shared';
import type { BoardRole } from '@interplay/shared';
import { anonymiseMoment } from '@interplay/shared/history/moment';
import type { Moment } from '@interplay/shared/history/moment';
import { CheckChoice } from '../export/dialog/dialogChoices.tsx';
import { downloadBlob } from '../export/image/downloadBlob.ts';
import { useT } from '../i18n/index.ts';
import type { HistoryEndpoint } from './historyApi.ts';
import { MomentForm } from './MomentForm.tsx';
import { MomentItem } from './MomentItem.tsx';
import { momentCount } from './momentText.ts';
import { TimeSlider } from './TimeSlider.tsx';
import { timelineCsv, timelineJson } from './timelineExport.ts';
import { fileName, useMomentActions } from './useMomentActions.ts';
import type { MomentList } from './useMoments.ts';
import type { HistoryView } from './useHistoryView.ts';
import './history.css';

/**
 * The timeline drawer: every moment in the order it happened, a time slider over them, naming (facilitator)
 * or proposing (participant) a moment, and per moment: view, compare, download; confirm, restore, copy and
 * delete for the facilitator. The server checks every one of these again.
 */
export function TimelinePanel({
  endpoint,
  role,
  boardTitle,
  list,
  view,
  onClose,
  names,
}: {
  /** Every name the board has held (`watchNames`), cut out of an anonymised timeline. */
  names: ReadonlySet<string>;
  endpoint: HistoryEndpoint;
  role: BoardRole;
  boardTitle: string;
  list: MomentList;
  view: HistoryView;
  onClose: () => void;
}) {
  const t = useT();
  const [anonymise, setAnonymise] = useState(false);
  const { actions, busy, notice, record } = useMomentActions(
    endpoint,
    role,
    boardTitle,
    view,
    list.reload,
    anonymise ? names : null,
  );
  const moments = list.moments ?? [];
  const shownId = view.past !== null && view.past.at !== 'now' ? view.past.at.id : null;
  const loadFailure = list.failure;
  return (
    <aside className="ip-drawer ip-drawer--timeline" aria-label={t('history.title')} data-testid="timeline">
      <header className="ip-drawer__head">
        <h2>
          {t('history.title')} <span className="ip-timeline__count">{momentCount(moments.length, t)}</span>
        </h2>
        <button
          type="button"
          className="ip-icon-button"
          aria-label={t('history.close')}
          title={t('history.close')}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="ip-drawer__body">
        {loadFailure !== null && (
          <p role="alert" className="ip-timeline__notice ip-timeline__notice--alert">
            {t('history.loadFailed', {
              reason: loadFailure.kind === 'network' ? t('error.network') : loadFailure.message,
            })}
          </p>
        )}
        {notice !== null && (
          <p
            role={notice.tone === 'alert' ? 'alert' : 'status'}
            className={`ip-timeline__notice ip-timeline__notice--${notice.tone}`}
            data-testid="timeline-notice"
          >
            {notice.text}
            {notice.link !== undefined && (
              <>
                {' '}
                <a href={notice.link} target="_blank" rel="noreferrer">
                  {notice.link}
                </a>
              </>
            )}
          </p>
        )}
        <TimeSlider moments={moments} shownId={shownId} onShow={view.show} />
        {list.moments !== null && moments.length === 0 && (
          <p className="ip-timeline__empty">{t('history.empty')}</p>
        )}
        <ol className="ip-timeline" data-testid="timeline-list">
          {moments.map((moment) => (
            <MomentItem key={moment.id} moment={moment} shown={moment.id === shownId} actions={actions} />
          ))}
        </ol>
        {!isReadOnlyRole(role) && (
          <MomentForm as={role === 'facilitator' ? 'name' : 'propose'} busy={busy} onSubmit={record} />
        )}
        <TimelineExport
          moments={moments}
          boardTitle={boardTitle}
          names={names}
          anonymise={anonymise}
          onAnonymise={setAnonymise}
        />
      </div>
    </aside>
  );
}

/**
 * "Anonymise people" (for these files and each moment's Board JSON) and the timeline as CSV or JSON. Anonymised,
 * moments lose their proposer, and the board's and the proposers' names are cut out of titles and descriptions.
 */
function TimelineExport({
  moments,
  boardTitle,
  names,
  anonymise,
  onAnonymise,
}: {
  moments: readonly Moment[];
  boardTitle: string;
  names: ReadonlySet<string>;
  anonymise: boolean;
  onAnonymise: (anonymise: boolean) => void;
}) {
  const t = useT();
  const save = (text: string, type: string, suffix: string): void =>
    downloadBlob(new Blob([text], { type }), fileName(boardTitle, suffix));
  const exported = (): readonly Moment[] => {
    if (!anonymise) return moments;
    const proposers = moments.flatMap((m) => (m.proposedBy === null ? [] : [m.proposedBy]));
    const scrub = nameScrubber([...names, ...proposers]);
    return moments.map((moment) => anonymiseMoment(moment, scrub));
  };
  return (
    <>
      <CheckChoice
        checked={anonymise}
        onChange={onAnonymise}
        label="export.anonymise"
        testId="timeline-anonymise"
        disabled={false}
      />
      <div className="ip-timeline__export">
        <button
          type="button"
          className="button"
          data-testid="timeline-csv"
          onClick={() => save(timelineCsv(exported()), 'text/csv', 'timeline.csv')}
        >
          {t('history.exportCsv')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="timeline-json"
          onClick={() => save(timelineJson(boardTitle, exported()), 'application/json', 'timeline.json')}
        >
          {t('history.exportJson')}
        </button>
      </div>
    </>
  );
}
