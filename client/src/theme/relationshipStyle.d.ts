import type { CollaborationForm, Direction, RelationshipKind, Strength } from '@interplay/shared';
/** Edge colours by kind of relationship; tension is unmistakably red. */
export declare const KIND_COLOURS: Readonly<Record<RelationshipKind, string>>;
/**
 * Stroke dash patterns by form of collaboration, growing in intensity:
 * coordinate (afstemmen) dotted, adjust (aanpassen) dashed, interweave (aaneenvlechten) solid.
 * Patterns scale with the stroke width so thick edges keep readable gaps.
 */
export declare function formDashArray(form: CollaborationForm, strokeWidth: number): string | undefined;
/** Stroke width in px (at 100% zoom) for a strength 1–5. */
export declare function strengthWidth(strength: Strength): number;
/** Which ends of an edge get an arrowhead. */
export declare function directionMarkers(direction: Direction): {
  start: boolean;
  end: boolean;
};
