import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { MAX_MOMENT_DESCRIPTION_LENGTH, MAX_MOMENT_TITLE_LENGTH } from '@interplay/shared/history/moment';
import { useT } from '../i18n/index.ts';
import type { NewMoment } from './historyApi.ts';

/**
 * Naming a moment (the facilitator) or proposing one (a participant): a title, a date (today unless changed,
 * e.g. for an event that happened last week), an optional description, and whether it is an event rather
 * than a map change.
 */
export function MomentForm({
  as,
  busy,
  onSubmit,
}: {
  as: 'name' | 'propose';
  busy: boolean;
  onSubmit: (moment: NewMoment) => Promise<boolean>;
}) {
  const t = useT();
  const id = useId();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [description, setDescription] = useState('');
  const [event, setEvent] = useState(false);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (title.trim() === '') return;
    const moment: NewMoment = {
      title,
      description,
      kind: event ? 'event' : 'moment',
      at: date === '' ? null : date,
    };
    void onSubmit(moment).then((ok) => {
      if (!ok) return;
      setTitle('');
      setDate('');
      setDescription('');
      setEvent(false);
    });
  };

  return (
    <form className="ip-moment-form" onSubmit={submit} data-testid="moment-form">
      <h3>{t(as === 'name' ? 'history.nameHeading' : 'history.proposeHeading')}</h3>
      {as === 'propose' && <p className="ip-moment-form__help">{t('history.proposeHelp')}</p>}
      <label htmlFor={`${id}-title`}>{t('history.titleLabel')}</label>
      <input
        id={`${id}-title`}
        value={title}
        maxLength={MAX_MOMENT_TITLE_LENGTH}
        placeholder={t('history.titlePlaceholder')}
        data-testid="moment-title"
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <label htmlFor={`${id}-date`}>{t('history.dateLabel')}</label>
      <input
        id={`${id}-date`}
        type="date"
        value={date}
        data-testid="moment-date"
        onChange={(e) => setDate(e.currentTarget.value)}
      />
      <label htmlFor={`${id}-description`}>{t('history.descriptionLabel')}</label>
      <textarea
        id={`${id}-description`}
        rows={2}
        value={description}
        maxLength={MAX_MOMENT_DESCRIPTION_LENGTH}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      <label className="ip-moment-form__check">
        <input
          type="checkbox"
          checked={event}
          data-testid="moment-event"
          onChange={(e) => setEvent(e.currentTarget.checked)}
        />
        {t('history.eventLabel')}
      </label>
      <button
        type="submit"
        className="button button--primary"
        disabled={busy || title.trim() === ''}
        data-testid="moment-submit"
      >
        {t(as === 'name' ? 'history.name' : 'history.propose')}
      </button>
    </form>
  );
}
