import type { BoardSnapshot } from '@interplay/shared';
import type { BoardFlowEdge, BoardFlowNode } from './flowTypes.ts';
/**
 * React Flow nodes for a snapshot. A node whose entity (by identity) and
 * project count are unchanged is reused as is, so memoised node components
 * skip rendering; local view state (selection, measured size, a drag in
 * progress) is carried over from the previous node object and never comes
 * from the document.
 */
export declare function deriveNodes(
  snapshot: BoardSnapshot,
  previous: ReadonlyMap<string, BoardFlowNode>,
): BoardFlowNode[];
/**
 * React Flow edges: every relationship, plus an affiliation line from each
 * person to their organisation. Unchanged ones keep their identity.
 */
export declare function deriveEdges(
  snapshot: BoardSnapshot,
  previous: ReadonlyMap<string, BoardFlowEdge>,
): BoardFlowEdge[];
