import { memo, useId, useState } from 'react';
import {
  HEALTH_DIMENSIONS,
  healthSummary,
  isStale,
  MAX_STALE_AFTER_DAYS,
  setStaleAfterDays,
} from '@interplay/shared';
import type { BoardSnapshot, HealthSummary, Relationship } from '@interplay/shared';
import { useLanguage, useT } from '../i18n/index.ts';
import { useBoardView, useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { targetName } from '../annotations/threadQueries.ts';
import { useJumpTo } from '../annotations/useJumpTo.ts';
import { useMyPermissions } from '../annotations/useMyPermissions.ts';
import { dimensionKey, shortDimensionKey } from './healthAnchors.ts';
import { formatScore, healthColour } from '../theme/healthColour.ts';
import { formatDate } from './HealthSection.tsx';

interface Row {
  relationship: Relationship;
  summary: HealthSummary;
  stale: boolean;
}

/** Relationships by mean health, lowest first; unscored ones last (alphabetically by their ends). */
export function healthRows(snapshot: BoardSnapshot): Row[] {
  const rows = [...snapshot.relationships.values()].map((relationship) => ({
    relationship,
    summary: healthSummary(snapshot.health.get(relationship.id)),
    stale: isStale(relationship, snapshot.settings),
  }));
  return rows.sort((a, b) => {
    const am = a.summary.overallMean ?? Infinity;
    const bm = b.summary.overallMean ?? Infinity;
    return am - bm || a.relationship.id.localeCompare(b.relationship.id);
  });
}

/** The facilitator's "needs maintenance after N days" field (commits on blur or Enter). */
function StaleAfterField({ days }: { days: number }) {
  const t = useT();
  const id = useId();
  const { session } = useBoardViewContext();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (): void => {
    const value = Number(draft);
    if (draft !== null && Number.isInteger(value) && value >= 1 && value <= MAX_STALE_AFTER_DAYS) {
      setStaleAfterDays(session.doc, value);
    }
    setDraft(null);
  };
  return (
    <div className="ip-field ip-drawer__setting">
      <label htmlFor={id}>{t('health.staleAfter')}</label>
      <input
        id={id}
        type="number"
        min={1}
        max={MAX_STALE_AFTER_DAYS}
        value={draft ?? String(days)}
        data-testid="stale-after-days"
        aria-describedby={`${id}-help`}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setDraft(null);
        }}
      />
      <small id={`${id}-help`} className="ip-field__hint">
        {t('health.staleAfterHelp')}
      </small>
    </div>
  );
}

/**
 * The board's health table: every relationship with its ends, mean, number of
 * scorers, per-dimension means, last check and maintenance flag, lowest
 * health first. A row selects the relationship and centres the map on it.
 */
export const HealthDrawer = memo(function HealthDrawer() {
  const t = useT();
  const language = useLanguage();
  const snapshot = useBoardView((s) => s.snapshot);
  const { permissions, settings } = useMyPermissions();
  const jumpTo = useJumpTo();
  const rows = healthRows(snapshot);
  const format = (value: number | null | undefined): string =>
    value === null || value === undefined ? '—' : formatScore(value, language);

  return (
    <div className="ip-health-drawer" data-testid="health-drawer">
      {permissions.changeSettings && <StaleAfterField days={settings.staleAfterDays} />}
      {rows.length === 0 ? (
        <p className="ip-muted">{t('health.tableEmpty')}</p>
      ) : (
        <table className="ip-health-table">
          <thead>
            <tr>
              <th scope="col">{t('health.col.relationship')}</th>
              <th scope="col">{t('health.col.mean')}</th>
              <th scope="col">{t('health.col.scorers')}</th>
              {HEALTH_DIMENSIONS.map((dimension) => (
                <th key={dimension} scope="col" className="ip-health-table__dim">
                  <abbr title={t(dimensionKey(dimension))}>{t(shortDimensionKey(dimension))}</abbr>
                </th>
              ))}
              <th scope="col">{t('health.col.lastChecked')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ relationship, summary, stale }) => {
              const name = targetName(snapshot, relationship.id) ?? '?';
              return (
                <tr key={relationship.id} data-testid="health-row" data-stale={stale || undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="ip-link-button"
                      aria-label={t('annotations.jump', { target: name })}
                      onClick={() => jumpTo(relationship.id)}
                    >
                      {name}
                    </button>
                  </th>
                  <td>
                    <span className="ip-health-chip" data-testid="health-row-mean">
                      <span
                        className="ip-health-chip__dot"
                        style={{ background: healthColour(summary.overallMean) }}
                        aria-hidden="true"
                      />
                      {format(summary.overallMean)}
                    </span>
                  </td>
                  <td className="ip-num">{summary.scorerCount}</td>
                  {HEALTH_DIMENSIONS.map((dimension) => (
                    <td key={dimension} className="ip-num">
                      {format(summary.dimensions[dimension]?.mean)}
                    </td>
                  ))}
                  <td>
                    {relationship.lastChecked ? formatDate(relationship.lastChecked, language) : '—'}
                    {stale && (
                      <span className="ip-health-stale-tag" data-testid="health-row-stale">
                        ⚠ {t('health.staleShort')}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
});
