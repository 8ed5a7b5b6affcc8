import type { BoardSnapshot, Organisation, Person } from '@interplay/shared';

/** What of a node the figures read: its name (for ordering), its organisation and its roles. */
function sameForFigures(a: Organisation | Person, b: Organisation | Person): boolean {
  if (a === b) return true;
  if (a.name !== b.name) return false;
  if ('roles' in a && 'roles' in b) {
    return a.organisationId === b.organisationId && a.roles.join() === b.roles.join();
  }
  return true;
}

function sameNodes<T extends Organisation | Person>(
  a: ReadonlyMap<string, T>,
  b: ReadonlyMap<string, T>,
): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [id, node] of b) {
    const before = a.get(id);
    if (!before || !sameForFigures(before, node)) return false;
  }
  return true;
}

/**
 * Whether two board states give the same figures: moves (a drag sends dozens of states a second) and
 * comments change none, so they start no computation.
 */
export function sameFigureInput(a: BoardSnapshot, b: BoardSnapshot): boolean {
  return (
    a.relationships === b.relationships &&
    a.projects === b.projects &&
    a.health === b.health &&
    a.giveTake === b.giveTake &&
    a.settings.staleAfterDays === b.settings.staleAfterDays &&
    sameNodes(a.organisations, b.organisations) &&
    sameNodes(a.people, b.people)
  );
}

/** The part of a board state the worker needs (comments can be large and count for nothing here). */
export function figureInput(snapshot: BoardSnapshot): BoardSnapshot {
  return { ...snapshot, annotations: new Map() };
}
