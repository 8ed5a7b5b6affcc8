import type { Moment } from '@interplay/shared/history/moment';
import { useLanguage, useT } from '../i18n/index.ts';
import { formatMomentDate, formatMomentTime, momentTitle } from './momentText.ts';

export interface MomentActions {
  view(moment: Moment): void;
  prefetch(moment: Moment): void;
  compare(moment: Moment): void;
  confirm?(moment: Moment): void;
  restore?(moment: Moment): void;
  remove?(moment: Moment): void;
  copy?(moment: Moment): void;
  download(moment: Moment): void;
}

/** One moment on the timeline: when, what, and what may be done with it. */
export function MomentItem({
  moment,
  shown,
  actions,
}: {
  moment: Moment;
  shown: boolean;
  actions: MomentActions;
}) {
  const t = useT();
  const language = useLanguage();
  const title = momentTitle(moment, t);
  const proposed = moment.status === 'proposed';
  return (
    <li
      className={`ip-moment ip-moment--${moment.kind}${proposed ? ' ip-moment--proposed' : ''}${shown ? ' ip-moment--shown' : ''}`}
      data-testid="moment"
      data-moment-id={moment.id}
      data-kind={moment.kind}
      data-status={moment.status}
      aria-current={shown || undefined}
    >
      <div className="ip-moment__when">
        <span className="ip-moment__date">{formatMomentDate(moment.at, language)}</span>
        <span className="ip-moment__time">{formatMomentTime(moment.recordedAt, language)}</span>
      </div>
      <div className="ip-moment__what">
        <span className={`ip-moment__kind ip-moment__kind--${moment.kind}`}>
          {t(`history.kind.${moment.kind}`)}
        </span>
        <strong className="ip-moment__title">{title}</strong>
        {moment.kind !== 'checkpoint' && moment.description !== '' && (
          <p className="ip-moment__description">{moment.description}</p>
        )}
        {proposed && (
          <p className="ip-moment__proposed">
            {moment.proposedBy === null
              ? t('history.proposedAnonymous')
              : t('history.proposed', { name: moment.proposedBy })}
          </p>
        )}
        <div className="ip-moment__actions">
          <button
            type="button"
            className="ip-moment__button"
            title={t('history.viewHint')}
            data-testid="moment-view"
            onPointerEnter={() => actions.prefetch(moment)}
            onFocus={() => actions.prefetch(moment)}
            onClick={() => actions.view(moment)}
          >
            {t('history.view')}
          </button>
          <button
            type="button"
            className="ip-moment__button"
            title={t('history.compareHint')}
            data-testid="moment-compare"
            onClick={() => actions.compare(moment)}
          >
            {t('history.compare')}
          </button>
          <button
            type="button"
            className="ip-moment__button"
            data-testid="moment-download"
            onClick={() => actions.download(moment)}
          >
            {t('history.exportBoard')}
          </button>
          {proposed && actions.confirm && (
            <button
              type="button"
              className="ip-moment__button"
              data-testid="moment-confirm"
              onClick={() => actions.confirm?.(moment)}
            >
              {t('history.confirm')}
            </button>
          )}
          {actions.restore && (
            <button
              type="button"
              className="ip-moment__button"
              data-testid="moment-restore"
              onClick={() => actions.restore?.(moment)}
            >
              {t('history.restore')}
            </button>
          )}
          {actions.copy && (
            <button
              type="button"
              className="ip-moment__button"
              data-testid="moment-copy"
              onClick={() => actions.copy?.(moment)}
            >
              {t('history.copy')}
            </button>
          )}
          {actions.remove && moment.kind !== 'checkpoint' && (
            <button
              type="button"
              className="ip-moment__button ip-moment__button--danger"
              data-testid="moment-delete"
              onClick={() => actions.remove?.(moment)}
            >
              {t('history.delete')}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}
