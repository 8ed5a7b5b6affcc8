/** Matches what the second page showed against when the first page showed it. */

export interface LatencyResult {
  samples: number[];
  /** Positions page B showed that page A never showed (should be 0). */
  unmatched: number;
}

function translateOf(transform: string): { x: number; y: number } | null {
  const match = /translate\(\s*(-?[\d.e-]+)px,\s*(-?[\d.e-]+)px\)/.exec(transform);
  if (!match?.[1] || !match[2]) return null;
  return { x: Number(match[1]), y: Number(match[2]) };
}

/** The last of the ascending `times` at or before `at` (or `at` itself when there is none). */
function lastAtOrBefore(times: readonly number[], at: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((times[mid] ?? Infinity) <= at) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? (times[low - 1] ?? at) : at;
}

/**
 * For every position of the node in page B (after the first, which is where
 * it started), the delay since the pointer move in page A that put it there:
 * the last pointer move A received before it first showed that position (A
 * paints a drag once per animation frame, with the latest pointer position).
 * The model rounds written positions to whole flow units, so A's position is
 * rounded for the comparison. The drag path must not revisit a position.
 */
export function remoteMoveLatencies(
  a: { moves: ReadonlyArray<readonly [number, string]>; pointerMoves: readonly number[] },
  movesB: ReadonlyArray<readonly [number, string]>,
): LatencyResult {
  const firstSeenInA = new Map<string, number>();
  for (const [at, transform] of a.moves) {
    const p = translateOf(transform);
    if (!p) continue;
    const key = `${Math.round(p.x)},${Math.round(p.y)}`;
    if (!firstSeenInA.has(key)) firstSeenInA.set(key, lastAtOrBefore(a.pointerMoves, at));
  }
  const samples: number[] = [];
  let unmatched = 0;
  let previous = movesB[0]?.[1];
  for (const [at, transform] of movesB.slice(1)) {
    if (transform === previous) continue;
    previous = transform;
    const p = translateOf(transform);
    const shownInA = p ? firstSeenInA.get(`${Math.round(p.x)},${Math.round(p.y)}`) : undefined;
    if (shownInA === undefined) unmatched++;
    else samples.push(at - shownInA);
  }
  return { samples, unmatched };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
