import { memo, useEffect, useState } from 'react';
import { healthSummary } from '@interplay/shared';
import type { RelationshipHealth, RelationshipId } from '@interplay/shared';
import type { Moment } from '@interplay/shared/history/moment';
import { useLanguage, useT } from '../i18n/index.ts';
import { formatScore, healthColour } from '../theme/healthColour.ts';
import { fetchMoments } from './historyApi.ts';
import { useHistoryAccess } from './HistoryContext.ts';
import { formatMomentDate, momentTitle } from './momentText.ts';
import './history.css';

interface Point {
  readonly moment: Moment;
  readonly mean: number | null;
}

/**
 * A relationship's health over the board's named moments and now: the overall mean at each, as a bar, so the
 * panel shows whether the relationship is getting better or worse. Checkpoints are left out: the named
 * moments are the ones people compare.
 */
export const HealthTrend = memo(function HealthTrend({
  relationshipId,
  now,
}: {
  relationshipId: string;
  now: RelationshipHealth | undefined;
}) {
  const t = useT();
  const language = useLanguage();
  const history = useHistoryAccess();
  const [points, setPoints] = useState<readonly Point[] | null>(null);

  useEffect(() => {
    if (history === null) return;
    let stopped = false;
    void (async () => {
      const listed = await fetchMoments(history.endpoint);
      if (!listed.ok || stopped) return;
      const named = listed.value.filter((m) => m.kind !== 'checkpoint' && m.status === 'confirmed');
      const boards = await Promise.all(named.map((m) => history.loadBoard(m).catch(() => null)));
      if (stopped) return;
      setPoints(
        named.map((moment, i) => ({
          moment,
          mean: healthSummary(boards[i]?.health.get(relationshipId as RelationshipId)).overallMean,
        })),
      );
    })();
    return () => {
      stopped = true;
    };
  }, [history, relationshipId]);

  if (history === null || points === null || points.length === 0) return null;
  const current = healthSummary(now).overallMean;
  const rows = [
    ...points.map((p) => ({
      key: p.moment.id,
      label: `${formatMomentDate(p.moment.at, language)} · ${momentTitle(p.moment, t)}`,
      mean: p.mean,
    })),
    { key: 'now', label: t('history.now'), mean: current },
  ];
  const scored = rows.some((row) => row.mean !== null);
  return (
    <div className="ip-health-trend" data-testid="health-trend">
      <h4>{t('history.trend')}</h4>
      {!scored && <p className="ip-muted">{t('history.trendNone')}</p>}
      {scored && (
        <ul>
          {rows.map((row) => (
            <li key={row.key} data-testid="health-trend-row" data-mean={row.mean ?? ''}>
              <span className="ip-health-trend__label">{row.label}</span>
              <span className="ip-health-trend__bar">
                <span
                  style={{ width: `${((row.mean ?? 0) / 10) * 100}%`, background: healthColour(row.mean) }}
                />
              </span>
              <span className="ip-health-trend__value">
                {row.mean === null ? '–' : formatScore(row.mean, language)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
