import type { NetworkGraph } from './networkGraph.ts';

/**
 * Normalised betweenness centrality of every node of an undirected, unweighted graph: Brandes' algorithm
 * over typed arrays (a compact adjacency list, no predecessor lists: on unweighted graphs a predecessor is
 * a neighbour one step closer). It gives exactly what graphology-metrics' `betweennessCentrality(graph,
 * { normalized: true })` gives (the unit test compares them), about five times faster: on the bench board
 * that one took 350 ms of the 300 ms the figures may take together.
 */
export function betweenness(graph: NetworkGraph): Map<string, number> {
  const ids = graph.nodes();
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const offsets = new Int32Array(n + 1);
  ids.forEach((id, i) => {
    offsets[i + 1] = (offsets[i] as number) + graph.degree(id);
  });
  const targets = new Int32Array(offsets[n] as number);
  const fill = offsets.slice(0, n);
  graph.forEachEdge((_edge, _attributes, a, b) => {
    const i = index.get(a) as number;
    const j = index.get(b) as number;
    const at = fill[i] as number;
    const back = fill[j] as number;
    targets[at] = j;
    targets[back] = i;
    fill[i] = at + 1;
    fill[j] = back + 1;
  });

  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n);
  const order = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    sigma.fill(0);
    delta.fill(0);
    distance.fill(-1);
    sigma[s] = 1;
    distance[s] = 0;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++] as number;
      const next = (distance[v] as number) + 1;
      for (let k = offsets[v] as number; k < (offsets[v + 1] as number); k++) {
        const w = targets[k] as number;
        if (distance[w] === -1) {
          distance[w] = next;
          order[tail++] = w;
        }
        if (distance[w] === next) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
      }
    }
    for (let q = tail - 1; q > 0; q--) {
      const w = order[q] as number;
      const further = (distance[w] as number) + 1;
      let sum = 0;
      for (let k = offsets[w] as number; k < (offsets[w + 1] as number); k++) {
        const x = targets[k] as number;
        if (distance[x] === further) sum += (1 + (delta[x] as number)) / (sigma[x] as number);
      }
      delta[w] = (sigma[w] as number) * sum;
      centrality[w] = (centrality[w] as number) + (delta[w] as number);
    }
  }
  // Each pair was counted from both ends; graphology's normalisation divides by (n − 1)(n − 2) as is.
  const scale = n <= 2 ? 0 : 1 / ((n - 1) * (n - 2));
  return new Map(ids.map((id, i) => [id, (centrality[i] as number) * scale]));
}
