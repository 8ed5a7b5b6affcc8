/**
 * The facilitation part of the validating reader: settings, annotation
 * threads, health scores and give and take. Like `BoardReader`, it re-reads
 * only what changed and keeps the identity of unchanged values; `BoardReader`
 * calls it and puts its results into the snapshot.
 */
import * as Y from 'yjs';
import { tryRootMap } from './document.ts';
import type { FacilitationRoot } from './document.ts';
import { isPlausibleId } from './ids.ts';
import { reportProblem } from './problems.ts';
import { sameEntries } from './sameEntries.ts';
import { EMPTY_GIVE_TAKE, repairGiveTakeEntry } from './records/giveTake.ts';
import type { StoredGiveTake } from './records/giveTake.ts';
import { repairHealthEntry } from './records/healthScore.ts';
import type { StoredHealthScore } from './records/healthScore.ts';
import { DEFAULT_SETTINGS, repairSettings, sameSettings } from './records/settings.ts';
import { repairThread } from './records/thread.ts';
import type {
  BoardSnapshot,
  GiveTake,
  GiveTakeLevel,
  HealthScore,
  OrganisationId,
  RelationshipHealth,
  RelationshipId,
  Thread,
} from './types.ts';

/** Changed since the last read: ids per keyed root (`'all'` forces a full read), or the settings flag. */
export interface FacilitationDirty {
  settings?: true;
  annotations?: Set<string> | 'all';
  health?: Set<string> | 'all';
  giveTake?: Set<string> | 'all';
}

export type FacilitationPart = Pick<BoardSnapshot, 'settings' | 'annotations' | 'health' | 'giveTake'>;

/** Which entity kinds gained or lost ids in this read (threads and scores of missing entities change). */
export interface EntityKeyChanges {
  any: boolean;
  organisation: boolean;
  relationship: boolean;
}

/** Repaired values of one keyed root, by id, re-read only for dirty ids. */
class KeyedCache<V> {
  readonly byId = new Map<string, V>();
  ids: string[] = [];

  constructor(
    private readonly root: FacilitationRoot,
    /** Returns null (after reporting) for an unusable entry. */
    private readonly repair: (id: string, value: unknown) => V | null,
  ) {}

  /** @returns whether anything was re-read. */
  update(doc: Y.Doc, dirty: Set<string> | 'all' | undefined): boolean {
    if (dirty === undefined) return false;
    const map = tryRootMap(doc, this.root);
    if (map === null) reportProblem(`${this.root}.root`, `the board's ${this.root} is not a map; ignored`);
    const keys = dirty === 'all' ? new Set([...this.byId.keys(), ...(map?.keys() ?? [])]) : dirty;
    let keysChanged = false;
    for (const id of keys) {
      const value: unknown = map?.get(id);
      const had = this.byId.has(id);
      const repaired = value !== undefined && isPlausibleId(id) ? this.repair(id, value) : null;
      if (repaired !== null) {
        this.byId.set(id, repaired);
        if (!had) keysChanged = true;
      } else if (had) {
        this.byId.delete(id);
        keysChanged = true;
      }
    }
    if (keysChanged) this.ids = [...this.byId.keys()].sort();
    return keys.size > 0;
  }
}

function sameGiveTake(a: GiveTake, b: GiveTake): boolean {
  return Object.keys(a).every((r) => {
    const x = a[r as keyof GiveTake];
    const y = b[r as keyof GiveTake];
    return x.brings === y.brings && x.takes === y.takes;
  });
}

export const EMPTY_FACILITATION: FacilitationPart = {
  settings: DEFAULT_SETTINGS,
  annotations: new Map(),
  health: new Map(),
  giveTake: new Map(),
};

function repairThreadEntry(id: string, value: unknown): Thread | null {
  if (value instanceof Y.Map) return repairThread(id, value as Y.Map<unknown>);
  reportProblem('annotations.entry', 'an annotation that is not a map was skipped');
  return null;
}

export class FacilitationReader {
  private readonly threads = new KeyedCache<Thread>('annotations', repairThreadEntry);
  private readonly scores = new KeyedCache<StoredHealthScore>('health', repairHealthEntry);
  private readonly giveTakes = new KeyedCache<StoredGiveTake>('giveTake', repairGiveTakeEntry);
  private readonly orphanedCopy = new WeakMap<Thread, Thread>();
  private part: FacilitationPart = EMPTY_FACILITATION;

  constructor(private readonly doc: Y.Doc) {}

  /**
   * The facilitation part after re-reading what is dirty; `entities` is the
   * entity part of the same snapshot (to hide or flag data of missing entities).
   */
  read(
    dirty: FacilitationDirty,
    entities: Pick<BoardSnapshot, 'organisations' | 'people' | 'projects' | 'relationships'>,
    keys: EntityKeyChanges,
  ): FacilitationPart {
    const prev = this.part;
    let settings = prev.settings;
    if (dirty.settings) {
      const next = repairSettings(tryRootMap(this.doc, 'settings'));
      if (!sameSettings(next, prev.settings)) settings = next;
    }
    const threadsChanged = this.threads.update(this.doc, dirty.annotations);
    const scoresChanged = this.scores.update(this.doc, dirty.health);
    const giveTakeChanged = this.giveTakes.update(this.doc, dirty.giveTake);

    const exists = (id: string): boolean =>
      entities.organisations.has(id as never) ||
      entities.people.has(id as never) ||
      entities.projects.has(id as never) ||
      entities.relationships.has(id as never);
    const annotations =
      threadsChanged || keys.any
        ? this.build(prev.annotations, this.threads, (t) => this.resolveThread(t, exists))
        : prev.annotations;
    const health =
      scoresChanged || keys.relationship
        ? this.buildHealth(prev.health, entities.relationships)
        : prev.health;
    const giveTake =
      giveTakeChanged || keys.organisation
        ? this.buildGiveTake(prev.giveTake, entities.organisations)
        : prev.giveTake;

    if (
      settings !== prev.settings ||
      annotations !== prev.annotations ||
      health !== prev.health ||
      giveTake !== prev.giveTake
    ) {
      this.part = { settings, annotations, health, giveTake };
    }
    return this.part;
  }

  private build<V, Id extends string>(
    previous: ReadonlyMap<Id, V>,
    cache: KeyedCache<V>,
    resolve: (value: V) => V | null,
  ): ReadonlyMap<Id, V> {
    const next = new Map<Id, V>();
    for (const id of cache.ids) {
      const resolved = resolve(cache.byId.get(id)!);
      if (resolved !== null) next.set(id as Id, resolved);
    }
    return sameEntries(previous, next) ? previous : next;
  }

  /** Scores grouped by relationship (existing ones only); a group keeps its identity while its scores do. */
  private buildHealth(
    previous: ReadonlyMap<RelationshipId, RelationshipHealth>,
    relationships: BoardSnapshot['relationships'],
  ): ReadonlyMap<RelationshipId, RelationshipHealth> {
    const groups = new Map<RelationshipId, HealthScore[]>();
    // Keys sort as `<relationship>/<scorer>`, so each group comes out sorted by scorer id.
    for (const key of this.scores.ids) {
      const { relationshipId, score } = this.scores.byId.get(key)!;
      if (!relationships.has(relationshipId)) continue;
      let group = groups.get(relationshipId);
      if (!group) groups.set(relationshipId, (group = []));
      group.push(score);
    }
    const next = new Map<RelationshipId, RelationshipHealth>();
    for (const [relationshipId, scores] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const old = previous.get(relationshipId);
      const same = old && old.scores.length === scores.length && old.scores.every((s, i) => s === scores[i]);
      next.set(relationshipId, same ? old : { relationshipId, scores });
    }
    return sameEntries(previous, next) ? previous : next;
  }

  /** Levels grouped by organisation (existing ones only); a group keeps its identity while its levels do. */
  private buildGiveTake(
    previous: ReadonlyMap<OrganisationId, GiveTake>,
    organisations: BoardSnapshot['organisations'],
  ): ReadonlyMap<OrganisationId, GiveTake> {
    const groups = new Map<OrganisationId, Record<string, { brings: GiveTakeLevel; takes: GiveTakeLevel }>>();
    for (const key of this.giveTakes.ids) {
      const { organisationId, resource, side, level } = this.giveTakes.byId.get(key)!;
      if (!organisations.has(organisationId)) continue;
      let group = groups.get(organisationId);
      if (!group) {
        group = Object.fromEntries(Object.entries(EMPTY_GIVE_TAKE).map(([r, v]) => [r, { ...v }]));
        groups.set(organisationId, group);
      }
      group[resource]![side] = level;
    }
    const next = new Map<OrganisationId, GiveTake>();
    for (const [organisationId, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const value = group as unknown as GiveTake;
      const old = previous.get(organisationId);
      next.set(organisationId, old && sameGiveTake(old, value) ? old : value);
    }
    return sameEntries(previous, next) ? previous : next;
  }

  private resolveThread(thread: Thread, exists: (id: string) => boolean): Thread {
    if (thread.target === null || exists(thread.target)) return thread;
    let copy = this.orphanedCopy.get(thread);
    if (!copy) {
      copy = { ...thread, orphaned: true };
      this.orphanedCopy.set(thread, copy);
    }
    return copy;
  }
}
