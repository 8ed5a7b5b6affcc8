/** A node's box in flow coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
export interface ProjectShape {
  /** SVG path of the padded, rounded convex hull of the members. */
  readonly path: string;
  /**
   * Where the name label goes: on the hull's upper edge, above the centre of
   * the members, so overlapping projects' labels land near their own members.
   */
  readonly labelAt: {
    readonly x: number;
    readonly y: number;
  };
}
interface P {
  x: number;
  y: number;
}
/** Andrew's monotone chain: the convex hull, counter-clockwise, without collinear points. */
export declare function convexHull(points: P[]): P[];
/**
 * The area of a project: the convex hull of its members' boxes, grown by
 * `padding` with rounded corners (each box corner contributes a quarter
 * circle of radius `padding`, so the hull's corners come out round).
 * Returns null for a project without members on the board.
 */
export declare function projectShape(boxes: readonly Box[], padding: number): ProjectShape | null;
export {};
