/**
 * The validating reader. `BoardReader` keeps, per entity, the last repaired
 * value and re-reads only entities marked dirty, so unchanged entities keep
 * their object identity from one snapshot to the next (React Flow's memoised
 * nodes depend on it). `readBoard` is a one-off read with a fresh reader.
 */
import * as Y from 'yjs';
import { ENTITY_KINDS, tryCollection } from './document.ts';
import type { EntityKind, EntityMap } from './document.ts';
import { isPlausibleId } from './ids.ts';
import { EMPTY_FACILITATION, FacilitationReader } from './readFacilitation.ts';
import type { FacilitationDirty } from './readFacilitation.ts';
import { reportProblem } from './problems.ts';
import { sameEntries } from './sameEntries.ts';
import { readOrganisation } from './records/organisation.ts';
import { readPerson } from './records/person.ts';
import { readProject } from './records/project.ts';
import { readRelationship } from './records/relationship.ts';
import type { BoardSnapshot, Organisation, Person, Project, Relationship } from './types.ts';

interface EntityOf {
  organisation: Organisation;
  person: Person;
  project: Project;
  relationship: Relationship;
}

const repairers: { [K in EntityKind]: (id: string, map: EntityMap) => EntityOf[K] } = {
  organisation: readOrganisation,
  person: readPerson,
  project: readProject,
  relationship: readRelationship,
};

/** Ids changed since the last read, per kind; `'all'` forces a full read of that kind. */
export type DirtyIds = { [K in EntityKind]?: Set<string> | 'all' } & FacilitationDirty;

/** An empty board with default settings (e.g. a store's initial state, or a test's empty board). */
export const EMPTY_BOARD: BoardSnapshot = {
  organisations: new Map(),
  people: new Map(),
  projects: new Map(),
  relationships: new Map(),
  ...EMPTY_FACILITATION,
};

/** Repaired entities of one kind as stored, before references are checked. */
class StoredCache<K extends EntityKind> {
  readonly byId = new Map<string, EntityOf[K]>();
  /** Sorted ids, so every client lists entities in the same order. */
  ids: string[] = [];

  constructor(private readonly kind: K) {}

  /**
   * Re-read the given ids (or everything). Returns 'none' when nothing was read,
   * 'fields' when only existing entities were re-read, 'keys' when entities
   * appeared or disappeared (which can change other entities' references).
   */
  update(doc: Y.Doc, dirty: Set<string> | 'all' | undefined): 'none' | 'fields' | 'keys' {
    if (dirty === undefined) return 'none';
    const coll = tryCollection(doc, this.kind);
    if (coll === null) {
      reportProblem(`${this.kind}.collection`, `the board's ${this.kind} collection is not a map; ignored`);
    }
    const keys = dirty === 'all' ? new Set([...this.byId.keys(), ...(coll?.keys() ?? [])]) : dirty;
    let keysChanged = false;
    for (const id of keys) {
      const value = coll?.get(id);
      const had = this.byId.has(id);
      if (value instanceof Y.Map && isPlausibleId(id)) {
        this.byId.set(id, repairers[this.kind](id, value as EntityMap));
        if (!had) keysChanged = true;
      } else {
        if (value !== undefined) {
          reportProblem(
            `${this.kind}.entity`,
            `a ${this.kind} that is not a map or has a bad id was skipped`,
          );
        }
        if (had) {
          this.byId.delete(id);
          keysChanged = true;
        }
      }
    }
    if (keysChanged) this.ids = [...this.byId.keys()].sort();
    return keysChanged ? 'keys' : keys.size > 0 ? 'fields' : 'none';
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export class BoardReader {
  private readonly stored = {
    organisation: new StoredCache('organisation'),
    person: new StoredCache('person'),
    project: new StoredCache('project'),
    relationship: new StoredCache('relationship'),
  };
  /** Derived values (references resolved) per stored value, so they stay identical while inputs do. */
  private readonly personWithoutOrg = new WeakMap<Person, Person>();
  private readonly projectWithMembers = new WeakMap<Project, Project>();
  private snapshot: BoardSnapshot = EMPTY_BOARD;
  private first = true;
  private readonly facilitation: FacilitationReader;

  constructor(private readonly doc: Y.Doc) {
    this.facilitation = new FacilitationReader(doc);
  }

  /** The snapshot after re-reading the dirty ids (everything on the first call). Never throws on content. */
  read(dirty: DirtyIds = {}): BoardSnapshot {
    const all = this.first;
    this.first = false;
    const changed = {} as Record<EntityKind, 'none' | 'fields' | 'keys'>;
    for (const kind of ENTITY_KINDS) {
      changed[kind] = this.stored[kind].update(this.doc, all ? 'all' : dirty[kind]);
    }
    // References only depend on which nodes exist, so a move or rename re-derives nothing else.
    const nodeSetChanged = changed.organisation === 'keys' || changed.person === 'keys';
    const prev = this.snapshot;
    const organisations =
      changed.organisation !== 'none'
        ? this.build(prev.organisations, this.stored.organisation, (o) => o)
        : prev.organisations;
    const people =
      changed.person !== 'none' || changed.organisation === 'keys'
        ? this.build(prev.people, this.stored.person, (p) => this.resolvePerson(p, organisations))
        : prev.people;
    const isNode = (id: string): boolean =>
      organisations.has(id as Organisation['id']) || people.has(id as Person['id']);
    const projects =
      changed.project !== 'none' || nodeSetChanged
        ? this.build(prev.projects, this.stored.project, (p) => this.resolveProject(p, isNode))
        : prev.projects;
    const relationships =
      changed.relationship !== 'none' || nodeSetChanged
        ? this.build(prev.relationships, this.stored.relationship, (r) =>
            r.source !== r.target && isNode(r.source) && isNode(r.target) ? r : null,
          )
        : prev.relationships;
    const entities = { organisations, people, projects, relationships };
    const facilitation = this.facilitation.read(
      all ? { settings: true, annotations: 'all', health: 'all', giveTake: 'all' } : dirty,
      entities,
      {
        any: ENTITY_KINDS.some((kind) => changed[kind] === 'keys'),
        organisation: changed.organisation === 'keys',
        relationship: relationships !== prev.relationships,
      },
    );
    if (
      organisations !== prev.organisations ||
      people !== prev.people ||
      projects !== prev.projects ||
      relationships !== prev.relationships ||
      facilitation.settings !== prev.settings ||
      facilitation.annotations !== prev.annotations ||
      facilitation.health !== prev.health ||
      facilitation.giveTake !== prev.giveTake
    ) {
      this.snapshot = { ...entities, ...facilitation };
    }
    return this.snapshot;
  }

  private build<K extends EntityKind, Id extends string>(
    previous: ReadonlyMap<Id, EntityOf[K]>,
    cache: StoredCache<K>,
    resolve: (entity: EntityOf[K]) => EntityOf[K] | null,
  ): ReadonlyMap<Id, EntityOf[K]> {
    const next = new Map<Id, EntityOf[K]>();
    for (const id of cache.ids) {
      const resolved = resolve(cache.byId.get(id)!);
      if (resolved !== null) next.set(id as Id, resolved);
    }
    return sameEntries(previous, next) ? previous : next;
  }

  private resolvePerson(person: Person, organisations: ReadonlyMap<string, Organisation>): Person {
    if (person.organisationId === null || organisations.has(person.organisationId)) return person;
    let derived = this.personWithoutOrg.get(person);
    if (!derived) {
      derived = { ...person, organisationId: null };
      this.personWithoutOrg.set(person, derived);
    }
    return derived;
  }

  private resolveProject(project: Project, isNode: (id: string) => boolean): Project {
    const memberIds = project.memberIds.filter(isNode);
    if (memberIds.length === project.memberIds.length) return project;
    const previous = this.projectWithMembers.get(project);
    if (previous && sameIds(previous.memberIds, memberIds)) return previous;
    const derived = { ...project, memberIds };
    this.projectWithMembers.set(project, derived);
    return derived;
  }
}

/**
 * Read the whole board, repairing or skipping whatever is invalid: unknown
 * enum values become defaults, over-long text is cut, broken positions get a
 * deterministic fallback, relationships to missing nodes are skipped and
 * missing members are left out. Each kind of problem is logged once.
 * Never throws on document content.
 */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  return new BoardReader(doc).read();
}
