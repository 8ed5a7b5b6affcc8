import type { BoardSnapshot } from '@interplay/shared';
import type { MapView } from '../../canvas/view/mapView.ts';

/** What an image "as shown" holds. */
export interface ShownScope {
  /**
   * The organisations, people and relationships the map draws, faded or not; the image keeps these. Null
   * when the map hides nothing: the image is the whole map then, free notes included.
   */
  readonly ids: readonly string[] | null;
  /** Of those, what the map draws faded; the image fades them too (a line fades with either end). */
  readonly faded: readonly string[];
}

/** What the map shows under `view`, for an image "as shown"; null when it shows everything as it is. */
export function shownScope(snapshot: BoardSnapshot, view: MapView): ShownScope | null {
  const { hidden, dimmed } = view;
  if (hidden.size === 0 && dimmed.size === 0) return null;
  const ids: string[] = [];
  const faded: string[] = [];
  for (const id of [...snapshot.organisations.keys(), ...snapshot.people.keys()]) {
    if (hidden.has(id)) continue;
    ids.push(id);
    if (dimmed.has(id)) faded.push(id);
  }
  for (const [id, r] of snapshot.relationships) {
    if (hidden.has(id) || hidden.has(r.source) || hidden.has(r.target)) continue;
    ids.push(id);
    if (dimmed.has(id) || dimmed.has(r.source) || dimmed.has(r.target)) faded.push(id);
  }
  return { ids: hidden.size === 0 ? null : ids, faded };
}
