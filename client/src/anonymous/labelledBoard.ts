import { anonymousPersonLabel } from '@interplay/shared';
import type { AnonymousWords, BoardSnapshot, Person, PersonId } from '@interplay/shared';
import type { BoardSource } from '../canvas/view/boardSource.ts';

/**
 * The anonymised view's board with each person labelled in the page's language: the server's projection
 * already holds no names (people carry an English label), and this puts "Verkenner · Gemeente Leiden" in
 * their place. A person whose label did not change keeps its object identity, so its card does not redraw.
 */
export function labelledBoard(source: BoardSource, words: AnonymousWords): BoardSource {
  const cache = new Map<PersonId, { from: Person; name: string; to: Person }>();
  const label = (board: BoardSnapshot): BoardSnapshot => {
    const people = new Map<PersonId, Person>();
    for (const [id, person] of board.people) {
      const organisation =
        person.organisationId === null ? undefined : board.organisations.get(person.organisationId);
      const name = anonymousPersonLabel(person, organisation, words);
      const cached = cache.get(id);
      if (cached !== undefined && cached.from === person && cached.name === name) {
        people.set(id, cached.to);
        continue;
      }
      const to = { ...person, name, notes: '' };
      cache.set(id, { from: person, name, to });
      people.set(id, to);
    }
    for (const id of cache.keys()) if (!board.people.has(id)) cache.delete(id);
    return { ...board, people };
  };
  return {
    read: () => label(source.read()),
    observe: (onChange) => source.observe((board) => onChange(label(board))),
  };
}
