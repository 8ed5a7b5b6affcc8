/**
 * The fixed test network of the insight figures, with known answers: Stichting Welzijn Leiden is the only
 * bridge between two halves (the broker, and with Huisartsen Noord an articulation point), Rabobank Leiden
 * has no relationship (the isolate), Bibliotheek Leiden only a weak one, "Thuis in Leiden" and "Zorg dichtbij"
 * share two people (Bram Kok and Carla Smit) and the theme "zorg", "Zorg dichtbij" has no sponsor and
 * "Leren en werken" no scout. Built only through the model's commands; for unit and browser tests.
 */
import type * as Y from 'yjs';
import { addOrganisation, addPerson, addProject, connect, scoreHealth, setGiveTake } from '@interplay/shared';
import type { NodeId, OrganisationId, RelationshipId, Role, Sector, Strength } from '@interplay/shared';

const ORGANISATIONS: ReadonlyArray<readonly [key: string, name: string, Sector, number, number]> = [
  ['A', 'Gemeente Leiden', 'municipality', 0, 0],
  ['B', 'Woonstichting De Sleutels', 'housing', -320, 260],
  ['C', 'GGZ Rivierduinen', 'mentalHealth', 280, 300],
  ['D', 'Stichting Welzijn Leiden', 'welfare', 640, 120],
  ['E', 'ROC Mondriaan', 'education', 1000, 0],
  ['F', 'Huisartsen Noord', 'health', 1040, 320],
  ['G', 'Rabobank Leiden', 'business', 640, -260],
  ['H', 'Bibliotheek Leiden', 'knowledge', 1400, 420],
];

const PEOPLE: ReadonlyArray<readonly [key: string, name: string, organisation: string, readonly Role[]]> = [
  ['p1', 'Anna de Wit', 'A', ['sponsor', 'connector']],
  ['p2', 'Bram Kok', 'B', ['scout']],
  ['p3', 'Carla Smit', 'C', ['connector']],
  ['p4', 'Dirk Mol', 'E', ['sponsor', 'connector']],
];

const PROJECTS: ReadonlyArray<readonly [name: string, colour: string, themes: string[], members: string[]]> =
  [
    ['Thuis in Leiden', '#3b82f6', ['wonen', 'zorg'], ['A', 'B', 'C', 'p1', 'p2', 'p3']],
    ['Zorg dichtbij', '#ec4899', ['zorg'], ['D', 'F', 'p2', 'p3']],
    ['Leren en werken', '#f59e0b', ['onderwijs'], ['E', 'p4']],
  ];

/** Relationships by key; `checked` is a fixed date, `today` (the build's date), or never. */
const RELATIONSHIPS: ReadonlyArray<
  readonly [key: string, source: string, target: string, Strength, checked: string | 'today' | null]
> = [
  ['r1', 'A', 'B', 4, 'today'],
  ['r2', 'A', 'C', 3, 'today'],
  ['r3', 'B', 'C', 4, 'today'],
  ['r4', 'A', 'D', 3, '2020-01-15'],
  ['r5', 'C', 'D', 2, '2021-06-01'],
  ['r6', 'D', 'E', 3, null],
  ['r7', 'D', 'F', 4, null],
  ['r8', 'E', 'F', 4, null],
  ['r9', 'F', 'H', 1, null],
  ['r10', 'p2', 'p3', 5, null],
  ['r11', 'p1', 'p2', 3, null],
  ['r12', 'p4', 'F', 3, null],
];

export interface InsightTestNetwork {
  /** Ids by the keys of the tables above (A…H, p1…p4, r1…r12, and project names). */
  readonly ids: ReadonlyMap<string, string>;
  readonly id: (key: string) => string;
}

/** Writes the test network into `doc`; `today` is the date the fresh relationships were checked. */
export function buildInsightTestNetwork(doc: Y.Doc, today: string): InsightTestNetwork {
  const ids = new Map<string, string>();
  const id = (key: string): string => {
    const found = ids.get(key);
    if (found === undefined) throw new Error(`insight test network: unknown key ${key}`);
    return found;
  };
  for (const [key, name, sector, x, y] of ORGANISATIONS) {
    ids.set(key, addOrganisation(doc, { name, sector, position: { x, y } }));
  }
  for (const [key, name, organisation, roles] of PEOPLE) {
    const at = ORGANISATIONS.find(([k]) => k === organisation);
    ids.set(
      key,
      addPerson(doc, {
        name,
        organisationId: id(organisation) as OrganisationId,
        roles,
        position: { x: (at?.[3] ?? 0) + 40, y: (at?.[4] ?? 0) + 110 },
      }),
    );
  }
  for (const [name, colour, themes, members] of PROJECTS) {
    ids.set(name, addProject(doc, { name, colour, themes, memberIds: members.map((m) => id(m) as NodeId) }));
  }
  for (const [key, source, target, strength, checked] of RELATIONSHIPS) {
    const relationship = connect(doc, {
      source: id(source) as NodeId,
      target: id(target) as NodeId,
      strength,
      lastChecked: checked === 'today' ? today : checked,
    });
    if (relationship === null) throw new Error(`insight test network: could not connect ${key}`);
    ids.set(key, relationship);
  }
  scoreAll(doc, id);
  // Stichting Welzijn Leiden brings much and takes nothing; Woonstichting De Sleutels the reverse.
  for (const resource of ['money', 'staff', 'knowledge'] as const) {
    setGiveTake(doc, id('D') as OrganisationId, resource, 'brings', 'much');
    setGiveTake(doc, id('B') as OrganisationId, resource, 'takes', 'much');
  }
  return { ids, id };
}

/** Health checks: r1 high and agreed, r6 low, r8 split (one says 2, the other 9). */
function scoreAll(doc: Y.Doc, id: (key: string) => string): void {
  const ann = { id: 'scorer-ann', name: 'Ann' };
  const ben = { id: 'scorer-ben', name: 'Ben' };
  const score = (key: string, a: number, b: number): void => {
    for (const dimension of ['trust', 'communication'] as const) {
      scoreHealth(doc, id(key) as RelationshipId, ann, dimension, a);
      scoreHealth(doc, id(key) as RelationshipId, ben, dimension, b);
    }
  };
  score('r1', 8, 8);
  score('r6', 3, 3);
  score('r8', 2, 9);
}
