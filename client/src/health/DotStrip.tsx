import { memo } from 'react';
import { healthColour } from '../theme/healthColour.ts';

const WIDTH = 220;
const LEFT = 10;
const RIGHT = WIDTH - 10;
const BASE = 30;

const xOf = (value: number): number => LEFT + ((value - 1) / 9) * (RIGHT - LEFT);

/**
 * Every score of one dimension as a dot on a 1–10 axis (equal scores stack),
 * the mean as a dark bar, and this participant's own score ringed: the
 * spread is visible at a glance.
 */
export const DotStrip = memo(function DotStrip({
  values,
  mean,
  mine,
  label,
}: {
  values: readonly number[];
  mean: number | null;
  mine: number | undefined;
  label: string;
}) {
  const stacked = new Map<number, number>();
  const sorted = [...values].sort((a, b) => a - b);
  const tallest = Math.max(1, ...[...new Set(sorted)].map((v) => sorted.filter((w) => w === v).length));
  // Stacks of equal scores squeeze together so a room of 60 still fits the strip.
  const step = Math.min(10, 26 / Math.max(1, tallest - 1));
  let ringed = false;
  return (
    <svg
      className="ip-dot-strip"
      viewBox={`0 0 ${WIDTH} 40`}
      role="img"
      aria-label={label}
      data-testid="health-dots"
      data-count={values.length}
    >
      <line x1={LEFT} x2={RIGHT} y1={BASE + 5} y2={BASE + 5} stroke="#8c98aa" strokeWidth="1.5" />
      {[1, 5.5, 10].map((tick) => (
        <line key={tick} x1={xOf(tick)} x2={xOf(tick)} y1={BASE + 2} y2={BASE + 8} stroke="#8c98aa" />
      ))}
      {sorted.map((value, index) => {
        const level = stacked.get(value) ?? 0;
        stacked.set(value, level + 1);
        const own = !ringed && value === mine;
        if (own) ringed = true;
        return (
          <circle
            data-value={value}
            key={index}
            cx={xOf(value)}
            cy={BASE - level * step}
            r={own ? 6.5 : 5.5}
            fill={healthColour(value)}
            stroke={own ? '#111827' : '#ffffff'}
            strokeWidth={own ? 2 : 1}
          />
        );
      })}
      {mean !== null && (
        <g data-testid="health-mean-marker">
          <line x1={xOf(mean)} x2={xOf(mean)} y1={2} y2={BASE + 9} stroke="#111827" strokeWidth="2.5" />
          <polygon points={`${xOf(mean) - 5},0 ${xOf(mean) + 5},0 ${xOf(mean)},6`} fill="#111827" />
        </g>
      )}
    </svg>
  );
});
