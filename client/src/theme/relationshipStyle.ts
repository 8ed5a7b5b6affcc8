import type { CollaborationForm, Direction, RelationshipKind, Strength } from '@interplay/shared';

/** Edge colours by kind of relationship; tension is unmistakably red. */
export const KIND_COLOURS: Readonly<Record<RelationshipKind, string>> = {
  collaboration: '#2563a8',
  information: '#0e8a8a',
  funding: '#b7791f',
  formal: '#3f3f9f',
  informal: '#6b7280',
  tension: '#d1242f',
};

/**
 * Stroke dash patterns by form of collaboration, growing in intensity:
 * coordinate (afstemmen) dotted, adjust (aanpassen) dashed, interweave (aaneenvlechten) solid.
 * Patterns scale with the stroke width so thick edges keep readable gaps.
 */
export function formDashArray(form: CollaborationForm, strokeWidth: number): string | undefined {
  switch (form) {
    case 'coordinate':
      return `${round(strokeWidth * 0.1)} ${round(strokeWidth * 2.6 + 3)}`;
    case 'adjust':
      return `${round(strokeWidth * 3 + 7)} ${round(strokeWidth * 2 + 4)}`;
    case 'interweave':
      return undefined;
  }
}

/** Stroke width in px (at 100% zoom) for a strength 1–5. */
export function strengthWidth(strength: Strength): number {
  return round(1.5 + (strength - 1) * 1.6);
}

/** Which ends of an edge get an arrowhead. */
export function directionMarkers(direction: Direction): { start: boolean; end: boolean } {
  return { start: direction === 'bothWays', end: direction !== 'none' };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
