import type { InternalNode } from '@xyflow/react';
export interface Point {
  readonly x: number;
  readonly y: number;
}
/** A line or gentle curve between two nodes' outlines. */
export interface EdgeGeometry {
  readonly from: Point;
  readonly to: Point;
  /** Control point of the quadratic curve (the midpoint of a straight line). */
  readonly control: Point;
  /** The curve's midpoint, for labels. */
  readonly middle: Point;
}
/**
 * Where an edge between two nodes starts and ends: on each node's outline,
 * on the line between their centres ("floating" edges). `lane` bends parallel
 * edges between the same pair apart (0 = straight).
 */
export declare function floatingGeometry(
  source: InternalNode,
  target: InternalNode,
  lane?: number,
): EdgeGeometry;
/** The SVG path of a geometry, optionally pulled back at either end (to make room for arrowheads). */
export declare function edgePath(geometry: EdgeGeometry, trimStart?: number, trimEnd?: number): string;
/** Whether the control point lies on the line from → to (lane 0). */
export declare function isStraight(geometry: EdgeGeometry): boolean;
/** An arrowhead triangle with its tip at `tip`, pointing away from `from`. */
export declare function arrowHead(tip: Point, from: Point, size: number): string;
