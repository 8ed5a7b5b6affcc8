import type { BoardSnapshot, OrganisationId, PersonId } from '@interplay/shared';

/** Compares node ids by kind (organisations first), then name, then id: the same order on every page. */
export function nameOrder(snapshot: BoardSnapshot): (a: string, b: string) => number {
  const key = (id: string): string => {
    const organisation = snapshot.organisations.get(id as OrganisationId);
    if (organisation) return `0${organisation.name.toLocaleLowerCase()}`;
    return `1${snapshot.people.get(id as PersonId)?.name.toLocaleLowerCase() ?? ''}`;
  };
  return (a, b) => key(a).localeCompare(key(b)) || (a < b ? -1 : a > b ? 1 : 0);
}
