import type * as Y from 'yjs';
import {
  DEFAULT_PROJECT_COLOURS,
  DIRECTIONS,
  FORMS,
  RELATIONSHIP_KINDS,
  ROLES,
  SECTORS,
  addOrganisation,
  addPerson,
  addProject,
  connect,
} from '@interplay/shared';
import type { NodeId, OrganisationId, Position, Role, Strength } from '@interplay/shared';

/** The size of the benchmark board (issue 3). */
export interface BoardSize {
  organisations: number;
  people: number;
  projects: number;
  relationships: number;
}

export const BENCH_BOARD: BoardSize = { organisations: 1000, people: 300, projects: 20, relationships: 3000 };

/** Entities per Yjs transaction: one update on the wire per batch, well under the server's message limit. */
const BATCH = 250;
/** Organisation cards are 220×64; this grid leaves room for people and edges between them. */
const COLUMN_GAP = 320;
const ROW_GAP = 180;
/** Most relationships stay within a neighbourhood, as on a real map; the rest cross the board. */
const LOCAL_SHARE = 0.75;
const LOCAL_RADIUS = 4;

/** mulberry32: a small seeded PRNG, so every run builds the same board. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function inBatches(doc: Y.Doc, count: number, add: (index: number) => void): void {
  for (let start = 0; start < count; start += BATCH) {
    // Commands nest their own transaction inside this one: one update per batch.
    doc.transact(() => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) add(i);
    });
  }
}

const NAME_PARTS = ['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Haven', 'Park', 'Dal', 'Berg', 'Veld'];
const FIRST_NAMES = ['Anna', 'Bram', 'Chantal', 'Daan', 'Eva', 'Fatima', 'Gijs', 'Hanna', 'Imke', 'Joost'];
const LAST_NAMES = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Yilmaz', 'Mulder', 'Bos'];

export interface GeneratedBoard {
  organisationIds: OrganisationId[];
  nodeIds: NodeId[];
  counts: BoardSize;
}

/**
 * Builds the benchmark board into `doc` with the model's commands, one
 * transaction per batch. Organisations sit on a grid (varied sectors), people
 * next to their organisation, projects over neighbouring nodes (overlapping
 * where neighbourhoods meet), relationships mostly between neighbours.
 */
export function generateBoard(doc: Y.Doc, size: BoardSize = BENCH_BOARD, seed = 20260101): GeneratedBoard {
  const random = seededRandom(seed);
  const columns = Math.ceil(Math.sqrt(size.organisations * 1.6));
  const gridOf = (i: number): { col: number; row: number } => ({
    col: i % columns,
    row: Math.floor(i / columns),
  });

  const organisationIds: OrganisationId[] = [];
  inBatches(doc, size.organisations, (i) => {
    const { col, row } = gridOf(i);
    const position: Position = {
      x: col * COLUMN_GAP + Math.round(random() * 60),
      y: row * ROW_GAP + Math.round(random() * 40),
    };
    organisationIds.push(
      addOrganisation(doc, {
        name: `${pick(random, NAME_PARTS)} ${pick(random, SECTORS)} ${i + 1}`,
        sector: SECTORS[i % SECTORS.length] ?? 'other',
        position,
        themes: random() < 0.3 ? ['jeugd', 'wonen'].slice(0, 1 + Math.floor(random() * 2)) : [],
      }),
    );
  });

  // A person belongs to a node slot next to an organisation; `slotOf` lets relationships stay local.
  const slotOf = new Map<NodeId, number>();
  organisationIds.forEach((id, i) => slotOf.set(id, i));
  const personIds: NodeId[] = [];
  inBatches(doc, size.people, (i) => {
    const orgIndex = Math.floor(random() * organisationIds.length);
    const { col, row } = gridOf(orgIndex);
    const roles: Role[] = ROLES.filter(() => random() < 0.35);
    const id = addPerson(doc, {
      name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)} ${i + 1}`,
      organisationId: organisationIds[orgIndex] ?? null,
      roles,
      position: { x: col * COLUMN_GAP + 230 + Math.round(random() * 30), y: row * ROW_GAP + 80 },
    });
    personIds.push(id);
    slotOf.set(id, orgIndex);
  });
  const nodeIds: NodeId[] = [...organisationIds, ...personIds];
  const bySlot = new Map<number, NodeId[]>();
  for (const id of nodeIds) {
    const slot = slotOf.get(id) ?? 0;
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), id]);
  }
  const nodeNear = (slot: number, radius: number): NodeId => {
    const { col, row } = gridOf(slot);
    for (;;) {
      const c = col + Math.round((random() * 2 - 1) * radius);
      const r = row + Math.round((random() * 2 - 1) * radius);
      const near = bySlot.get(r * columns + c);
      if (c >= 0 && c < columns && near !== undefined) return pick(random, near);
    }
  };

  // Projects: a cluster of neighbours around a centre; centres are close enough that some projects share members.
  inBatches(doc, size.projects, (i) => {
    const centre = Math.floor(random() * organisationIds.length);
    const members = new Set<NodeId>();
    const wanted = 6 + Math.floor(random() * 20);
    while (members.size < wanted) members.add(nodeNear(centre, 3));
    // Overlap on purpose: every other project also takes members of the previous project's neighbourhood.
    if (i % 2 === 1)
      for (let k = 0; k < 4; k++) members.add(nodeNear((centre + 2) % organisationIds.length, 2));
    addProject(doc, {
      name: `Project ${i + 1}`,
      colour: DEFAULT_PROJECT_COLOURS[i % DEFAULT_PROJECT_COLOURS.length] ?? '#2563eb',
      description: 'Generated for the canvas benchmark',
      memberIds: [...members],
    });
  });

  const pairs = new Set<string>();
  inBatches(doc, size.relationships, () => {
    for (;;) {
      const source = pick(random, nodeIds);
      const target =
        random() < LOCAL_SHARE ? nodeNear(slotOf.get(source) ?? 0, LOCAL_RADIUS) : pick(random, nodeIds);
      const key = source < target ? `${source}|${target}` : `${target}|${source}`;
      if (source === target || pairs.has(key)) continue;
      pairs.add(key);
      const id = connect(doc, {
        source,
        target,
        strength: (1 + Math.floor(random() * 5)) as Strength,
        kind: pick(random, RELATIONSHIP_KINDS),
        form: pick(random, FORMS),
        direction: pick(random, DIRECTIONS),
      });
      if (id === null) throw new Error(`connect refused ${source} → ${target}`);
      return;
    }
  });

  return { organisationIds, nodeIds, counts: size };
}
