import type { BoardSnapshot } from '@interplay/shared';
import type { MapView } from '../../canvas/view/mapView.ts';

/**
 * The organisations, people and relationships the map shows under `view` (neither hidden nor faded), for
 * an image "as shown"; null when it shows everything.
 */
export function shownIds(snapshot: BoardSnapshot, view: MapView): string[] | null {
  if (view.hidden.size === 0 && view.dimmed.size === 0) return null;
  const away = (id: string): boolean => view.hidden.has(id) || view.dimmed.has(id);
  const ids: string[] = [];
  for (const id of [...snapshot.organisations.keys(), ...snapshot.people.keys()]) if (!away(id)) ids.push(id);
  for (const [id, r] of snapshot.relationships) {
    if (!away(id) && !away(r.source) && !away(r.target)) ids.push(id);
  }
  return ids;
}
