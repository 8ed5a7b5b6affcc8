import { memo } from 'react';
import {
  HEALTH_DIMENSIONS,
  healthSummary,
  maintenanceStatus,
  refusalReason,
  todayIso,
} from '@interplay/shared';
import type { HealthDimension, Relationship } from '@interplay/shared';
import { useLanguage, useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { useBoardView, useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { useBoardActions } from '../canvas/editing/useBoardActions.ts';
import { authorOf } from '../annotations/authorOf.ts';
import { useMyPermissions } from '../annotations/useMyPermissions.ts';
import { DimensionScorer } from './DimensionScorer.tsx';
import { HealthTrend } from '../history/HealthTrend.tsx';
import { formatScore, healthColour } from '../theme/healthColour.ts';
import { scorerId } from './scorerId.ts';
import './health.css';

const REFUSALS: Record<string, MessageKey> = {
  viewer: 'health.refused.viewer',
  boardLocked: 'health.refused.boardLocked',
  phase: 'health.refused.phase',
};

/** A date as the reader says it ("3 Mar 2026" / "3 mrt 2026"). */
export function formatDate(iso: string, language: 'en' | 'nl'): string {
  const date = new Date(`${iso}T12:00:00`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium' });
}

/**
 * The relationship's health check in its panel: this participant scores the
 * seven dimensions; everyone's scores show as count, mean, spread and a dot
 * strip per dimension, with the overall mean; then maintenance (last checked
 * together, stale flag, "Checked together today"). Scoring follows the phase.
 */
export const HealthSection = memo(function HealthSection({ relationship }: { relationship: Relationship }) {
  const t = useT();
  const language = useLanguage();
  const { session } = useBoardViewContext();
  const actions = useBoardActions();
  const health = useBoardView((s) => s.snapshot.health.get(relationship.id));
  const { permissions, settings } = useMyPermissions();
  const summary = healthSummary(health);
  const me = scorerId();
  const mine = health?.scores.find((score) => score.scorerId === me);
  const reason = refusalReason(session.role, settings, 'score');
  const mayScore = reason === null;
  const status = maintenanceStatus(relationship, settings);
  const valuesOf = (dimension: HealthDimension): number[] =>
    (health?.scores ?? []).flatMap((score) => {
      const value = score.scores[dimension];
      return value === undefined ? [] : [value];
    });
  const score = (dimension: HealthDimension, value: number): void => {
    actions.scoreHealth(relationship.id, { id: me, name: authorOf(session).name }, dimension, value);
  };

  return (
    <section className="ip-health" data-testid="health-section" aria-labelledby="ip-health-title">
      <h3 id="ip-health-title" className="ip-health__title">
        {t('health.section')}
      </h3>
      <p
        className="ip-health__overall"
        data-testid="health-overall"
        data-scorers={summary.scorerCount}
        style={{ borderColor: healthColour(summary.overallMean) }}
      >
        {summary.overallMean === null
          ? t('health.overallNone')
          : t('health.overall', {
              mean: formatScore(summary.overallMean, language),
              count: summary.scorerCount,
            })}
      </p>
      {mayScore ? (
        <p className="ip-field__hint">{t('health.help')}</p>
      ) : (
        <p className="ip-health__refused" data-testid="health-refused" role="note">
          {t(REFUSALS[reason] ?? 'health.refused.phase')}
        </p>
      )}
      {HEALTH_DIMENSIONS.map((dimension) => (
        <DimensionScorer
          key={dimension}
          dimension={dimension}
          summary={summary.dimensions[dimension]}
          values={valuesOf(dimension)}
          mine={mine?.scores[dimension]}
          disabled={!mayScore}
          onScore={(value) => score(dimension, value)}
        />
      ))}
      {mine && mayScore && (
        <button
          type="button"
          className="ip-button"
          onClick={() => actions.clearHealthScore(relationship.id, me)}
        >
          {t('health.clear')}
        </button>
      )}
      <HealthTrend relationshipId={relationship.id} now={health} />
      <div className="ip-field ip-health__maintenance">
        <label htmlFor={`checked-${relationship.id}`}>{t('health.lastChecked')}</label>
        <div className="ip-inline">
          <input
            id={`checked-${relationship.id}`}
            type="date"
            value={relationship.lastChecked ?? ''}
            disabled={!permissions.edit}
            data-testid="health-last-checked"
            onChange={(event) =>
              actions.updateRelationship(relationship.id, {
                lastChecked: event.currentTarget.value === '' ? null : event.currentTarget.value,
              })
            }
          />
        </div>
        {status === 'never' && <p className="ip-muted">{t('health.neverChecked')}</p>}
        {status === 'stale' && relationship.lastChecked && (
          <p className="ip-health__stale" data-testid="health-stale" role="status">
            ⚠ {t('health.stale', { date: formatDate(relationship.lastChecked, language) })}
          </p>
        )}
        <button
          type="button"
          className="ip-button"
          disabled={!permissions.edit}
          data-testid="health-checked-today"
          onClick={() => actions.updateRelationship(relationship.id, { lastChecked: todayIso() })}
        >
          ✓ {t('health.checkedToday')}
        </button>
      </div>
    </section>
  );
});
