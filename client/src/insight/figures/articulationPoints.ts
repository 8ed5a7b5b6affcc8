import type { CutNode } from './figureTypes.ts';
import type { NetworkGraph } from './networkGraph.ts';

interface Frame {
  readonly node: string;
  readonly parent: string | null;
  readonly neighbours: readonly string[];
  next: number;
}

/**
 * The articulation points (cut vertices) of the graph: nodes whose removal splits their connected part.
 * graphology has none, so this is Tarjan's depth-first search (iterative: a long chain must not overflow the
 * stack), which also gives, from the sizes of the search subtrees, how many nodes each one separates.
 * Ordered by `separated`, then by id. Checked against removing each node and counting components with
 * graphology-components in the unit test.
 */
export function articulationPoints(graph: NetworkGraph): CutNode[] {
  const discovered = new Map<string, number>();
  const low = new Map<string, number>();
  const size = new Map<string, number>();
  /** Per node, the sizes of the subtrees its removal cuts off. */
  const cutPieces = new Map<string, number[]>();
  const result: CutNode[] = [];
  let time = 0;

  const visit = (node: string, parent: string | null, stack: Frame[]): void => {
    discovered.set(node, time);
    low.set(node, time);
    size.set(node, 1);
    time += 1;
    stack.push({ node, parent, neighbours: graph.neighbors(node), next: 0 });
  };

  for (const root of graph.nodes()) {
    if (discovered.has(root)) continue;
    const stack: Frame[] = [];
    const start = time;
    visit(root, null, stack);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as Frame;
      if (frame.next < frame.neighbours.length) {
        const neighbour = frame.neighbours[frame.next] as string;
        frame.next += 1;
        if (neighbour === frame.parent) continue;
        const seen = discovered.get(neighbour);
        if (seen === undefined) visit(neighbour, frame.node, stack);
        else low.set(frame.node, Math.min(low.get(frame.node) as number, seen));
        continue;
      }
      stack.pop();
      const { node, parent } = frame;
      if (parent === null) continue;
      low.set(parent, Math.min(low.get(parent) as number, low.get(node) as number));
      size.set(parent, (size.get(parent) as number) + (size.get(node) as number));
      // The subtree under `node` reaches nothing above `parent`: without `parent` it is on its own.
      if ((low.get(node) as number) >= (discovered.get(parent) as number)) {
        const pieces = cutPieces.get(parent) ?? [];
        pieces.push(size.get(node) as number);
        cutPieces.set(parent, pieces);
      }
    }
    const componentSize = time - start;
    collectCuts(root, componentSize, cutPieces, result);
  }
  return result.sort((a, b) => b.separated - a.separated || (a.id < b.id ? -1 : 1));
}

/** Turns the pieces each node of one component cuts off into `CutNode`s (the root needs two pieces). */
function collectCuts(
  root: string,
  componentSize: number,
  cutPieces: Map<string, number[]>,
  result: CutNode[],
): void {
  for (const [node, pieces] of cutPieces) {
    if (node === root ? pieces.length < 2 : pieces.length < 1) {
      if (node === root) cutPieces.delete(node);
      continue;
    }
    const rest = componentSize - 1 - pieces.reduce((sum, piece) => sum + piece, 0);
    const all = rest > 0 ? [...pieces, rest] : pieces;
    const largest = Math.max(...all);
    result.push({ id: node, separated: componentSize - 1 - largest });
    cutPieces.delete(node);
  }
}
