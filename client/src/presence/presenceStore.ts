import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Awareness } from 'y-protocols/awareness';
import { FALLBACK_PRESENCE_COLOUR, readPresenceCursor, readPresenceSelection } from '@interplay/shared';
import { presentUsers } from './presenceUser.ts';
import type { PresentUser } from './presenceUser.ts';

/** Another person on the board, as read (defensively) from their awareness state. */
export interface RemotePeer {
  readonly clientId: number;
  readonly name: string;
  readonly colour: string;
  /** In flow coordinates; null when their pointer is off the map. */
  readonly cursor: { readonly x: number; readonly y: number } | null;
  readonly selection: readonly string[];
}

/** Who else selects an entity: the outline colour and the names for its tooltip. */
export interface RemoteSelectors {
  readonly colour: string;
  readonly names: string;
}

export interface PresenceState {
  readonly peers: readonly RemotePeer[];
  /** Entity id → who else selected it; unchanged entries keep identity so nodes do not re-render. */
  readonly selectors: ReadonlyMap<string, RemoteSelectors>;
}

export type PresenceStore = StoreApi<PresenceState>;

/** What y-protocols' awareness reports with each 'change' event: client ids. */
interface AwarenessChanges {
  readonly added: readonly number[];
  readonly updated: readonly number[];
  readonly removed: readonly number[];
}

/** A remote person with their cursor and selection (the shared readers validate whatever they sent). */
function toPeer({ clientId, user, state }: PresentUser): RemotePeer {
  return {
    clientId,
    name: user.name,
    colour: user.colour,
    cursor: readPresenceCursor(state),
    selection: readPresenceSelection(state),
  };
}

function selectorsOf(
  peers: readonly RemotePeer[],
  previous: ReadonlyMap<string, RemoteSelectors>,
): ReadonlyMap<string, RemoteSelectors> {
  const byEntity = new Map<string, RemotePeer[]>();
  for (const peer of peers) {
    for (const id of peer.selection) {
      const list = byEntity.get(id);
      if (list) list.push(peer);
      else byEntity.set(id, [peer]);
    }
  }
  const next = new Map<string, RemoteSelectors>();
  for (const [id, list] of byEntity) {
    // The first selector's colour outlines the entity; every name goes in the tooltip.
    const colour = list[0]?.colour ?? FALLBACK_PRESENCE_COLOUR;
    const names = list.map((p) => p.name).join(', ');
    const old = previous.get(id);
    next.set(id, old && old.colour === colour && old.names === names ? old : { colour, names });
  }
  // Cursor moves change awareness many times a second; keep the map itself when no selection changed,
  // so subscribers to selections do not re-render for them.
  const unchanged =
    next.size === previous.size && [...next].every(([id, entry]) => previous.get(id) === entry);
  return unchanged ? previous : next;
}

/** An empty presence store; `followAwareness` fills it. */
export function createPresenceStore(): PresenceStore {
  return createStore<PresenceState>()(() => ({ peers: [], selectors: new Map() }));
}

/**
 * Keeps `store` up to date with everyone but this client in `awareness`.
 * Presence never touches the document.
 * @returns a function that stops listening.
 */
export function followAwareness(store: PresenceStore, awareness: Awareness): () => void {
  const update = (): void => {
    const peers = presentUsers(awareness)
      .filter((present) => !present.isSelf)
      .map(toPeer);
    store.setState({ peers, selectors: selectorsOf(peers, store.getState().selectors) });
  };
  // This page's own cursor changes its awareness state on every animation frame the pointer moves; the
  // store holds only the others, so those changes must not give every node and edge a new state to select from.
  const onChange = ({ added, updated, removed }: AwarenessChanges): void => {
    const own = awareness.clientID;
    if ([...added, ...updated, ...removed].every((clientId) => clientId === own)) return;
    update();
  };
  update();
  awareness.on('change', onChange);
  return () => awareness.off('change', onChange);
}
