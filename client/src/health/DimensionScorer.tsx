import { memo, useId, useState } from 'react';
import type { DimensionSummary, HealthDimension } from '@interplay/shared';
import { useLanguage, useT } from '../i18n/index.ts';
import { DotStrip } from './DotStrip.tsx';
import { anchorKey, dimensionKey, HEALTH_ANCHORS, nearestAnchor } from './healthAnchors.ts';
import { formatScore } from '../theme/healthColour.ts';

const VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/**
 * One dimension of the health check: a 1–10 segmented control for this
 * participant's own score, the anchor texts of the scale (the one matching the
 * hovered or chosen value in bold), a dot strip of everyone's scores, and
 * count, mean and spread.
 */
export const DimensionScorer = memo(function DimensionScorer({
  dimension,
  summary,
  values,
  mine,
  disabled,
  onScore,
}: {
  dimension: HealthDimension;
  summary: DimensionSummary | null;
  values: readonly number[];
  mine: number | undefined;
  disabled: boolean;
  onScore(value: number): void;
}) {
  const t = useT();
  const language = useLanguage();
  const labelId = useId();
  const [hovered, setHovered] = useState<number | null>(null);
  const focus = hovered ?? mine ?? null;
  const highlighted = focus === null ? null : nearestAnchor(dimension, focus);
  const name = t(dimensionKey(dimension));
  const format = (value: number): string => formatScore(value, language);

  return (
    <div className="ip-health-dim" data-testid={`health-${dimension}`}>
      <div className="ip-health-dim__head">
        <span id={labelId} className="ip-health-dim__name">
          {name}
        </span>
        {summary && (
          <span className="ip-health-dim__mean" data-testid="health-dim-mean">
            {format(summary.mean)}
          </span>
        )}
      </div>
      <div
        className="ip-segmented ip-health-scale"
        role="group"
        aria-labelledby={labelId}
        onPointerLeave={() => setHovered(null)}
      >
        {VALUES.map((value) => {
          const anchor = t(anchorKey(dimension, nearestAnchor(dimension, value)));
          const label = t('health.scoreValue', { dimension: name, n: value, anchor });
          return (
            <button
              key={value}
              type="button"
              disabled={disabled}
              aria-pressed={mine === value}
              aria-label={label}
              title={label}
              data-testid={`score-${dimension}-${value}`}
              onPointerEnter={() => setHovered(value)}
              onFocus={() => setHovered(value)}
              onBlur={() => setHovered(null)}
              onClick={() => onScore(value)}
            >
              {value}
            </button>
          );
        })}
      </div>
      <p className="ip-health-anchors">
        {HEALTH_ANCHORS[dimension].map((value) => (
          <span key={value} className={value === highlighted ? 'ip-health-anchor--on' : undefined}>
            <b>{value}</b> {t(anchorKey(dimension, value))}
          </span>
        ))}
      </p>
      <DotStrip
        values={values}
        mean={summary?.mean ?? null}
        mine={mine}
        label={t('health.chart', {
          dimension: name,
          values: values.length === 0 ? '—' : values.join(', '),
          mean: summary ? format(summary.mean) : '—',
        })}
      />
      <p className="ip-health-stats" data-testid="health-dim-stats">
        {summary === null
          ? t('health.noScores')
          : summary.count === 1
            ? t('health.statsOne', { mean: format(summary.mean) })
            : t('health.stats', {
                count: summary.count,
                mean: format(summary.mean),
                sd: format(summary.standardDeviation),
                min: summary.min,
                max: summary.max,
              })}
      </p>
    </div>
  );
});
