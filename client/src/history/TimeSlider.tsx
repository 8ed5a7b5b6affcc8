import type { Moment } from '@interplay/shared/history/moment';
import { useLanguage, useT } from '../i18n/index.ts';
import { formatMomentDate, momentTitle } from './momentText.ts';

/** A slider over the timeline's moments (checkpoints included): moving it shows the map at each. */
export function TimeSlider({
  moments,
  shownId,
  onShow,
}: {
  moments: readonly Moment[];
  shownId: string | null;
  onShow: (moment: Moment) => void;
}) {
  const t = useT();
  const language = useLanguage();
  if (moments.length < 2) return null;
  const found = shownId === null ? -1 : moments.findIndex((m) => m.id === shownId);
  const index = found === -1 ? moments.length - 1 : found;
  const current = moments[index];
  const valueText =
    current === undefined
      ? ''
      : t('history.sliderValue', {
          date: formatMomentDate(current.at, language),
          title: momentTitle(current, t),
        });
  return (
    <label className="ip-timeline__slider">
      <span>{t('history.slider')}</span>
      <input
        type="range"
        min={0}
        max={moments.length - 1}
        value={index}
        data-testid="time-slider"
        aria-valuetext={valueText}
        onChange={(e) => {
          const moment = moments[Number(e.currentTarget.value)];
          if (moment !== undefined) onShow(moment);
        }}
      />
      <span className="ip-timeline__slider-value">{valueText}</span>
    </label>
  );
}
