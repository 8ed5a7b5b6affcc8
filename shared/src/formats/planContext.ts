/**
 * What the steps of an import plan share: the board as it is, the errors
 * found so far, the directories that references are resolved against, and
 * the new keys and kept ids handed out. Steps append to it in order, so the
 * order in which `planImport` runs them is part of the result.
 */
import { isGeneratedIdFormat } from '../board/ids.ts';
import type { BoardSnapshot, Organisation, Person, Project } from '../board/types.ts';
import type { ImportError } from './importError.ts';
import type { PlanRef } from './importPlan.ts';
import { PlanDirectory } from './PlanDirectory.ts';

/** The kinds matched by name as well as by id. */
export type NamedKind = 'organisation' | 'person' | 'project';

export interface PlanContext {
  readonly current: BoardSnapshot;
  /** Problems found so far; a step that finds one skips that entity and carries on. */
  readonly errors: ImportError[];
  readonly directories: Readonly<Record<NamedKind, PlanDirectory>>;
  readonly existing: Readonly<Record<NamedKind, ReadonlyMap<string, Organisation | Person | Project>>>;
  /** Every id on the board, of any kind. */
  readonly allIds: ReadonlySet<string>;
  /** The file ids kept so far for new entities. */
  readonly takenIds: ReadonlySet<string>;
  /** A fresh `new:…` key for an entity the plan adds. */
  newKey(kind: NamedKind | 'relationship'): PlanRef;
  /** Keeps the file's id for a new entity when it has the board's format and is free, so a JSON round trip into a new board is exact. */
  keepId(ref: PlanRef, id: string | undefined): void;
  /** The kept id of a new entity, spread into its planned record. */
  withId(ref: PlanRef): { id?: string };
}

export function createPlanContext(current: BoardSnapshot): PlanContext {
  let counter = 0;
  const directories: Record<NamedKind, PlanDirectory> = {
    organisation: new PlanDirectory(),
    person: new PlanDirectory(),
    project: new PlanDirectory(),
  };
  const existing: Record<NamedKind, ReadonlyMap<string, Organisation | Person | Project>> = {
    organisation: current.organisations,
    person: current.people,
    project: current.projects,
  };
  for (const kind of ['organisation', 'person', 'project'] as const) {
    for (const entity of existing[kind].values()) {
      directories[kind].addId(entity.id);
      directories[kind].addName(entity.name, entity.id);
    }
  }
  const allIds = new Set<string>([
    ...current.organisations.keys(),
    ...current.people.keys(),
    ...current.projects.keys(),
    ...current.relationships.keys(),
  ]);
  const keptIds = new Map<PlanRef, string>();
  const takenIds = new Set<string>();
  return {
    current,
    errors: [],
    directories,
    existing,
    allIds,
    takenIds,
    newKey: (kind) => `new:${kind}:${(counter += 1)}`,
    keepId: (ref, id) => {
      if (id === undefined || !isGeneratedIdFormat(id) || allIds.has(id) || takenIds.has(id)) return;
      takenIds.add(id);
      keptIds.set(ref, id);
    },
    withId: (ref) => {
      const id = keptIds.get(ref);
      return id === undefined ? {} : { id };
    },
  };
}
