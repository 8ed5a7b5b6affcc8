/**
 * The one rule for what an anonymised board shows: each person becomes their network role and organisation
 * ("Sponsor · Gemeente Leiden") without notes, comment authors and health-check scorers lose their names,
 * and every name the board knows is cut out of the free texts that remain. The server's projection for the
 * anonymised view link (`board/anonymousProjection.ts`) and the anonymised exports both apply it.
 */
import type {
  Author,
  BoardSnapshot,
  HealthScore,
  Organisation,
  OrganisationId,
  Person,
  Project,
  Relationship,
  RelationshipHealth,
  Role,
  Thread,
} from './types.ts';

/** The words a person's label is made of, in the reader's language. */
export interface AnonymousWords {
  readonly roles: Readonly<Record<Role, string>>;
  /** A person without a network role. */
  readonly person: string;
  /** A person without an organisation. */
  readonly noOrganisation: string;
}

/** The words the server's projection uses; pages label people again in their own language. */
export const ENGLISH_ANONYMOUS_WORDS: AnonymousWords = {
  roles: { sponsor: 'Sponsor', scout: 'Scout', connector: 'Connector' },
  person: 'Person',
  noOrganisation: 'no organisation',
};

/** Who wrote a comment or resolved it, on an anonymised board. */
export const ANONYMOUS_AUTHOR: Author = Object.freeze({ name: '', colour: '#888888' });

/** What replaces a name inside a free text. */
export const REMOVED_NAME = '…';

/** Names shorter than this are not cut out of texts: they would cut up ordinary words. */
const MIN_SCRUBBED_NAME_LENGTH = 3;

/** "Sponsor, Scout · Gemeente Leiden": a person as the anonymised board shows them. */
export function anonymousPersonLabel(
  person: Pick<Person, 'roles'>,
  organisation: Pick<Organisation, 'name'> | null | undefined,
  words: AnonymousWords,
): string {
  const roles =
    person.roles.length > 0 ? person.roles.map((role) => words.roles[role]).join(', ') : words.person;
  const where = organisation?.name.trim() ? organisation.name.trim() : words.noOrganisation;
  return `${roles} · ${where}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A function that cuts every one of `names` (whole words, any case) out of a text. Names are matched
 * longest first, so "Jan de Vries" goes as a whole before "Jan".
 */
export function nameScrubber(names: Iterable<string>): (text: string) => string {
  const distinct = Array.from(new Set(Array.from(names, (name) => name.trim().toLowerCase())))
    .filter((name) => name.length >= MIN_SCRUBBED_NAME_LENGTH)
    .sort((a, b) => b.length - a.length);
  if (distinct.length === 0) return (text) => text;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${distinct.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return (text) => (text === '' ? text : text.replace(pattern, REMOVED_NAME));
}

/** Every name a board holds: its people's, its comment authors' and its health-check scorers'. */
export function namesOnBoard(board: BoardSnapshot): string[] {
  const names: string[] = [];
  for (const person of board.people.values()) names.push(person.name);
  for (const thread of board.annotations.values()) names.push(...threadNames(thread));
  for (const health of board.health.values()) for (const score of health.scores) names.push(score.name);
  return names;
}

/** The names of a thread's authors (and who resolved it). */
export function threadNames(thread: Thread): string[] {
  const names = [thread.author.name, ...thread.messages.map((message) => message.author.name)];
  if (thread.resolvedBy !== null) names.push(thread.resolvedBy.name);
  return names;
}

type Scrub = (text: string) => string;

export function anonymisePerson(
  person: Person,
  organisation: Pick<Organisation, 'name'> | null | undefined,
  words: AnonymousWords,
): Person {
  return { ...person, name: anonymousPersonLabel(person, organisation, words), notes: '' };
}

export function anonymiseOrganisation(organisation: Organisation, scrub: Scrub): Organisation {
  return {
    ...organisation,
    name: scrub(organisation.name),
    notes: scrub(organisation.notes),
    themes: organisation.themes.map(scrub),
  };
}

export function anonymiseProject(project: Project, scrub: Scrub): Project {
  return {
    ...project,
    name: scrub(project.name),
    description: scrub(project.description),
    themes: project.themes.map(scrub),
  };
}

export function anonymiseRelationship(relationship: Relationship, scrub: Scrub): Relationship {
  return { ...relationship, notes: scrub(relationship.notes) };
}

export function anonymiseThread(thread: Thread, scrub: Scrub): Thread {
  return {
    ...thread,
    author: ANONYMOUS_AUTHOR,
    resolvedBy: thread.resolvedBy === null ? null : ANONYMOUS_AUTHOR,
    messages: thread.messages.map((message) => ({
      ...message,
      author: ANONYMOUS_AUTHOR,
      text: scrub(message.text),
    })),
  };
}

/**
 * A scorer as the anonymised board shows them: no name, and `scorer` (e.g. "scorer-2") instead of their
 * browser's scorer id, which is the same on every board that browser scored and would link them across boards.
 */
export function anonymiseHealthScore(score: HealthScore, scorer: string): HealthScore {
  return { ...score, scorerId: scorer, name: '' };
}

/** "scorer-1", "scorer-2"…: a pseudonym per scorer id, numbered in the order `scorerIds` lists them. */
function scorerPseudonyms(scorerIds: Iterable<string>): Map<string, string> {
  const pseudonyms = new Map<string, string>();
  for (const id of scorerIds) if (!pseudonyms.has(id)) pseudonyms.set(id, `scorer-${pseudonyms.size + 1}`);
  return pseudonyms;
}

function mapValues<K, V>(map: ReadonlyMap<K, V>, fn: (value: V) => V): Map<K, V> {
  return new Map(Array.from(map, ([key, value]) => [key, fn(value)]));
}

/**
 * The board with every person shown as their role and organisation, in `words`, and without notes. A page
 * of the anonymised view link applies this to the projection it receives, to label people in its language.
 */
export function labelPeople(board: BoardSnapshot, words: AnonymousWords): BoardSnapshot {
  const organisationOf = (id: OrganisationId | null): Organisation | undefined =>
    id === null ? undefined : board.organisations.get(id);
  return {
    ...board,
    people: mapValues(board.people, (p) => anonymisePerson(p, organisationOf(p.organisationId), words)),
  };
}

/**
 * The board as an anonymised reader may see it. `extraNames`: names known besides the board's own (e.g. the
 * participants present), also cut out of texts.
 */
export function anonymiseBoard(
  board: BoardSnapshot,
  words: AnonymousWords,
  extraNames: Iterable<string> = [],
): BoardSnapshot {
  const scrub = nameScrubber([...namesOnBoard(board), ...extraNames]);
  const scorers = scorerPseudonyms(
    Array.from(board.health.values(), (h) => h.scores.map((s) => s.scorerId))
      .flat()
      .sort(),
  );
  return labelPeople(
    {
      ...board,
      organisations: mapValues(board.organisations, (o) => anonymiseOrganisation(o, scrub)),
      projects: mapValues(board.projects, (p) => anonymiseProject(p, scrub)),
      relationships: mapValues(board.relationships, (r) => anonymiseRelationship(r, scrub)),
      annotations: mapValues(board.annotations, (t) => anonymiseThread(t, scrub)),
      health: mapValues(board.health, (h): RelationshipHealth => ({
        ...h,
        scores: h.scores.map((s) => anonymiseHealthScore(s, scorers.get(s.scorerId) ?? '')),
      })),
    },
    words,
  );
}
