import { createContext, useContext } from 'react';

/**
 * How much a node draws: `full`; `overview` below `OVERVIEW_ZOOM`, where an organisation card shows its
 * name alone and large; or `tiny` below `TINY_ZOOM` where names are
 * a few pixels tall and not painted (see `levelOfDetail.ts`). A tiny node
 * keeps its outer size, colours and selection outlines (its connection handles
 * mount on demand, `useTinyHandles`) but mounts a handful of elements instead of a dozen or more, which is most of
 * the cost of opening a large board at the overview. Provided by `FlowCanvas`
 * from one threshold selector, so only crossing the threshold re-renders nodes.
 */
export type NodeDetail = 'full' | 'overview' | 'tiny';

export const NodeDetailContext = createContext<NodeDetail>('full');

export const useNodeDetail = (): NodeDetail => useContext(NodeDetailContext);
