/**
 * The anonymised view of a live document: a second Y.Doc in the board's own layout that holds the board as
 * `anonymise.ts` says an anonymised reader may see it, kept up to date entity by entity. The server syncs the
 * pages of the anonymised view link against this document, never against the board, so no name reaches them.
 *
 * Every top-level map is copied entry by entry; an entry that holds text goes through the typed record's
 * reader and the rule, and its projected fields are written back in the stored layout. Only entries whose
 * projection changed are written, in one transaction per `flush`.
 */
import * as Y from 'yjs';
import {
  COLLECTION_KEYS,
  FACILITATION_KEYS,
  MEMBERS_KEY,
  MESSAGES_KEY,
  META_KEY,
  healthKey,
  splitEntryKey,
} from './document.ts';
import { repairGiveTakeEntry } from './records/giveTake.ts';
import {
  ENGLISH_ANONYMOUS_WORDS,
  anonymiseHealthScore,
  anonymiseOrganisation,
  anonymisePerson,
  anonymiseProject,
  anonymiseRelationship,
  anonymiseThread,
  nameScrubber,
} from './anonymise.ts';
import { readOrganisation } from './records/organisation.ts';
import { readPerson } from './records/person.ts';
import { readProject } from './records/project.ts';
import { readRelationship } from './records/relationship.ts';
import { repairThread } from './records/thread.ts';
import { repairHealthEntry } from './records/healthScore.ts';
import { setEqual, toTree, tryMap } from './mapTree.ts';
import type { Tree } from './mapTree.ts';

const ORGANISATIONS = COLLECTION_KEYS.organisation;
const PEOPLE = COLLECTION_KEYS.person;
const PROJECTS = COLLECTION_KEYS.project;
const RELATIONSHIPS = COLLECTION_KEYS.relationship;
const ANNOTATIONS = FACILITATION_KEYS.annotations;
const HEALTH = FACILITATION_KEYS.health;

/** Every top-level map of the layout; the projection holds nothing else. */
const ROOTS: readonly string[] = [
  ...Object.values(COLLECTION_KEYS),
  ...Object.values(FACILITATION_KEYS),
  META_KEY,
];
/** Roots whose entries hold free text, projected again whenever the names on the board change. */
const TEXT_ROOTS: readonly string[] = [ORGANISATIONS, PROJECTS, RELATIONSHIPS, ANNOTATIONS];

/** Dirty entry keys per root; `'all'` re-projects the whole root. */
type Dirty = Map<string, Set<string> | 'all'>;

/**
 * Keeps `doc` the anonymised projection of `source`. Call {@link flush} after each change of the source
 * (the server does, after every applied update); changes are collected by deep observers until then.
 */
export class AnonymousProjection {
  readonly doc = new Y.Doc();
  private dirty: Dirty = new Map();

  private scrub: (text: string) => string = (text) => text;
  /** How many names `scrub` cuts out (-1 before the first flush). */
  private scrubbing = -1;
  private readonly unobservers: Array<() => void> = [];
  /** Each scorer id's pseudonym (`anonymiseHealthScore`). */
  private readonly scorers = new Map<string, string>();
  /** Each organisation's name as its people's labels show it. */
  private readonly organisationNames = new Map<string, string>();

  /**
   * `names`: every name the source held, kept up to date by the caller (`NamesSeen`): a text written about
   * someone must not show their name again once they are renamed or deleted. Only read here.
   */
  constructor(
    private readonly source: Y.Doc,
    private readonly names: ReadonlySet<string>,
  ) {
    for (const root of ROOTS) {
      const map = tryMap(source, root);
      if (map === null) continue;
      const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
        for (const event of events) {
          const keys =
            event.target === map ? (event as Y.YMapEvent<unknown>).keysChanged : new Set([event.path[0]]);
          for (const key of keys) if (typeof key === 'string') this.mark(root, key);
        }
      };
      map.observeDeep(handler);
      this.unobservers.push(() => map.unobserveDeep(handler));
      this.dirty.set(root, 'all');
    }
    this.flush();
  }

  /** Writes what changed in the source since the last call into the projection, as one transaction. */
  flush(): void {
    if (this.dirty.size === 0) return;
    const dirty = this.dirty;
    this.dirty = new Map();
    if (this.refreshNames()) for (const root of TEXT_ROOTS) dirty.set(root, 'all');
    this.markPeopleOfRenamedOrganisations(dirty);
    this.doc.transact(() => {
      for (const [root, keys] of dirty) this.projectRoot(root, keys);
    });
  }

  destroy(): void {
    for (const unobserve of this.unobservers) unobserve();
    this.doc.destroy();
  }

  /**
   * A person's label names their organisation: people of an organisation whose projected name changed (or
   * that is gone) are projected again. Moving a card changes no name, so a drag re-projects nobody.
   */
  private markPeopleOfRenamedOrganisations(dirty: Dirty): void {
    const keys = dirty.get(ORGANISATIONS);
    if (keys === undefined) return;
    const organisations = tryMap(this.source, ORGANISATIONS);
    const renamed = new Set<string>();
    const ids =
      keys === 'all' ? new Set([...this.organisationNames.keys(), ...(organisations?.keys() ?? [])]) : keys;
    for (const id of ids) {
      const map = organisations?.get(id);
      const name =
        map instanceof Y.Map ? this.scrub(readOrganisation(id, map as Y.Map<unknown>).name) : undefined;
      if (name === this.organisationNames.get(id)) continue;
      renamed.add(id);
      if (name === undefined) this.organisationNames.delete(id);
      else this.organisationNames.set(id, name);
    }
    if (renamed.size === 0 || dirty.get(PEOPLE) === 'all') return;
    tryMap(this.source, PEOPLE)?.forEach((value, id) => {
      const organisationId =
        value instanceof Y.Map ? (value as Y.Map<unknown>).get('organisationId') : undefined;
      if (typeof organisationId !== 'string' || !renamed.has(organisationId)) return;
      const people = dirty.get(PEOPLE);
      if (people instanceof Set) people.add(id);
      else dirty.set(PEOPLE, new Set([id]));
    });
  }

  private mark(root: string, key: string): void {
    const keys = this.dirty.get(root);
    if (keys === 'all') return;
    if (keys) keys.add(key);
    else this.dirty.set(root, new Set([key]));
  }

  /** Rebuilds the scrubber when names were seen since the last flush; true then. */
  private refreshNames(): boolean {
    if (this.names.size === this.scrubbing) return false;
    this.scrubbing = this.names.size;
    this.scrub = nameScrubber(this.names);
    return true;
  }

  private projectRoot(root: string, keys: Set<string> | 'all'): void {
    const source = tryMap(this.source, root);
    const target = tryMap(this.doc, root);
    if (target === null) return;
    const all = keys === 'all';
    if (all) {
      const kept = new Set(Array.from(source?.keys() ?? [], (key) => this.targetKey(root, key)));
      for (const key of Array.from(target.keys())) if (!kept.has(key)) target.delete(key);
    }
    for (const key of all ? Array.from(source?.keys() ?? []) : keys) {
      const value = source?.get(key);
      const at = this.targetKey(root, key);
      // A give-and-take level is one of three words; anything else a modified page wrote is left out.
      if (
        value === undefined ||
        (root === FACILITATION_KEYS.giveTake && repairGiveTakeEntry(key, value) === null)
      ) {
        target.delete(at);
        continue;
      }
      const projected =
        value instanceof Y.Map ? this.projectEntry(root, key, value as Y.Map<unknown>) : value;
      // Another shared type at the top of an entry: the board has none, and one a hostile page wrote stays out.
      if (!(projected instanceof Y.AbstractType)) setEqual(target, at, projected);
    }
  }

  /** Where an entry of the source goes: the same key, but a health score under its scorer's pseudonym. */
  private targetKey(root: string, key: string): string {
    if (root !== HEALTH) return key;
    const ids = splitEntryKey(key);
    return ids === null ? key : healthKey(ids[0], this.scorer(ids[1]));
  }

  /** A scorer's pseudonym ("scorer-3"), numbered in the order the projection first met them. */
  private scorer(scorerId: string): string {
    let pseudonym = this.scorers.get(scorerId);
    if (pseudonym === undefined) {
      pseudonym = `scorer-${this.scorers.size + 1}`;
      this.scorers.set(scorerId, pseudonym);
    }
    return pseudonym;
  }

  /**
   * One stored entry as the projection holds it: written from the typed record the reader repairs, after the
   * rule, field by field in the stored layout. A field or value a modified page added is not a field of the
   * record, so it is left out, whatever it holds; a root without names (settings, meta) is copied.
   */
  private projectEntry(root: string, key: string, map: Y.Map<unknown>): Tree {
    const scrub = this.scrub;
    switch (root) {
      case PEOPLE: {
        const person = readPerson(key, map);
        const organisationMap =
          person.organisationId === null
            ? undefined
            : tryMap(this.source, ORGANISATIONS)?.get(person.organisationId);
        const organisation =
          organisationMap instanceof Y.Map
            ? anonymiseOrganisation(
                readOrganisation(person.organisationId!, organisationMap as Y.Map<unknown>),
                scrub,
              )
            : undefined;
        const { name, organisationId, roles, notes, position } = anonymisePerson(
          person,
          organisation,
          ENGLISH_ANONYMOUS_WORDS,
        );
        return fields({ name, organisationId, roles, notes, position });
      }
      case ORGANISATIONS: {
        const { name, sector, notes, themes, position } = anonymiseOrganisation(
          readOrganisation(key, map),
          scrub,
        );
        return fields({ name, sector, notes, themes, position });
      }
      case PROJECTS: {
        const { name, colour, description, themes, memberIds } = anonymiseProject(
          readProject(key, map),
          scrub,
        );
        const members: Tree = new Map(memberIds.map((id) => [id, true]));
        return fields({ name, colour, description, themes, [MEMBERS_KEY]: members });
      }
      case RELATIONSHIPS: {
        const { source, target, strength, kind, form, direction, notes, lastChecked } = anonymiseRelationship(
          readRelationship(key, map),
          scrub,
        );
        return fields({ source, target, strength, kind, form, direction, notes, lastChecked });
      }
      case ANNOTATIONS: {
        const thread = anonymiseThread(repairThread(key, map), scrub);
        const messages: Tree = new Map(
          thread.messages.map((m) => [
            m.id,
            { author: { ...m.author }, text: m.text, createdAt: m.createdAt },
          ]),
        );
        return fields({
          ...(thread.target === null ? { position: thread.position } : { target: thread.target }),
          createdAt: thread.createdAt,
          author: { ...thread.author },
          resolved: thread.resolved,
          resolvedBy: thread.resolvedBy === null ? null : { ...thread.resolvedBy },
          resolvedAt: thread.resolvedAt,
          [MESSAGES_KEY]: messages,
        });
      }
      case HEALTH: {
        const entry = repairHealthEntry(key, map);
        if (entry === null) return new Map();
        const { name, scores, updatedAt } = anonymiseHealthScore(
          entry.score,
          this.scorer(entry.score.scorerId),
        );
        return fields({ name, updatedAt, ...scores });
      }
      default:
        return toTree(map);
    }
  }
}

/** A record's stored fields as a tree (the entry's own `Y.Map` in the projection). */
function fields(record: Record<string, unknown>): Tree {
  return new Map(Object.entries(record));
}
