/**
 * Matches an incoming board against the current one and decides, without
 * changing anything, what to add and what to update. Nodes and projects are
 * matched by id first, then by name (case-insensitive, within their kind);
 * relationships by id, then by their two ends. References in the file (a
 * person's organisation, project members, relationship ends) may be ids or
 * names, of entities in the file or already on the board.
 */
import { isGeneratedIdFormat } from '../board/ids.ts';
import type { BoardSnapshot, Organisation, Person, Project, Relationship } from '../board/types.ts';
import { importError } from './importError.ts';
import type { ImportError, ImportErrorCode, ImportErrorParams } from './importError.ts';
import type {
  ImportPlan,
  PersonUpdate,
  PlannedOrganisation,
  PlannedPerson,
  PlannedProject,
  PlannedRelationship,
  PlannedUpdate,
  PlanRef,
  ProjectUpdate,
} from './importPlan.ts';
import { layoutNewNodes } from './layoutNewNodes.ts';
import type { LayoutLink } from './layoutNewNodes.ts';
import type { ParsedBoard, SourceRef } from './parsedBoard.ts';
import { planBoardExtras } from './planBoardExtras.ts';

const nameKey = (name: string): string => name.trim().toLowerCase();

export function errorAt(
  origin: SourceRef,
  field: string | undefined,
  code: ImportErrorCode,
  message: string,
  params?: ImportErrorParams,
): ImportError {
  const column =
    field === undefined
      ? undefined
      : origin.path
        ? `${origin.path}.${field}`
        : (origin.columns?.[field] ?? field);
  return importError({ file: origin.file, row: origin.row, column }, code, message, params);
}

type Kind = 'organisation' | 'person' | 'project';

/** Names and ids of the entities of one kind, on the board and in the file, to resolve references. */
class Directory {
  private readonly byName = new Map<string, Set<PlanRef>>();
  private readonly ids = new Set<PlanRef>();
  private readonly fileIds = new Map<string, PlanRef>();

  addName(name: string, ref: PlanRef): void {
    const key = nameKey(name);
    const refs = this.byName.get(key) ?? new Set<PlanRef>();
    refs.add(ref);
    this.byName.set(key, refs);
  }
  addId(id: string): void {
    this.ids.add(id);
  }
  /** An id used in the file for an entity that gets another ref (new key, or a board entity matched by name). */
  addFileId(fileId: string, ref: PlanRef): void {
    this.fileIds.set(fileId, ref);
  }
  byId(id: string): PlanRef | undefined {
    return this.fileIds.get(id) ?? (this.ids.has(id) ? id : undefined);
  }
  named(name: string): ReadonlySet<PlanRef> {
    return this.byName.get(nameKey(name)) ?? new Set();
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Builds the plan; never throws on bad input (problems land in `errors`). */
export function planImport(current: BoardSnapshot, incoming: ParsedBoard): ImportPlan {
  const errors: ImportError[] = [];
  let counter = 0;
  const newKey = (kind: Kind | 'relationship'): PlanRef => `new:${kind}:${(counter += 1)}`;
  const directories: Record<Kind, Directory> = {
    organisation: new Directory(),
    person: new Directory(),
    project: new Directory(),
  };
  const existing: Record<Kind, ReadonlyMap<string, Organisation | Person | Project>> = {
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
  /** File ids the new entities keep (by their plan key), so a JSON round trip into a new board is exact. */
  const keptIds = new Map<PlanRef, string>();
  const takenIds = new Set<string>();
  const keepId = (ref: PlanRef, id: string | undefined): void => {
    if (id === undefined || !isGeneratedIdFormat(id) || allIds.has(id) || takenIds.has(id)) return;
    takenIds.add(id);
    keptIds.set(ref, id);
  };
  const withId = (ref: PlanRef): { id?: string } => {
    const id = keptIds.get(ref);
    return id === undefined ? {} : { id };
  };

  /** Step 1: decide for every incoming named entity whether it matches a board entity or is new. */
  const match = <T extends { id?: string; name: string; origin: SourceRef }>(
    kind: Kind,
    items: readonly T[],
  ): (PlanRef | null)[] => {
    const claimed = new Set<PlanRef>();
    const unnamedIds = new Map<string, number>();
    return items.map((item, index) => {
      let ref: PlanRef | undefined;
      if (item.id !== undefined) {
        if (existing[kind].has(item.id)) ref = item.id;
        else if (allIds.has(item.id)) {
          errors.push(
            errorAt(
              item.origin,
              'id',
              'match.otherKind',
              `id "${item.id}" belongs to another kind of entity on the board`,
              { id: item.id },
            ),
          );
          return null;
        }
      }
      if (ref === undefined) {
        const onBoard = [...existing[kind].values()].filter((e) => nameKey(e.name) === nameKey(item.name));
        if (onBoard.length > 1) {
          errors.push(
            errorAt(
              item.origin,
              'name',
              'match.ambiguousName',
              `${onBoard.length} ${kind}s on the board are named "${item.name}"; add an id column to say which one`,
              { kind, name: item.name, count: onBoard.length },
            ),
          );
          return null;
        }
        ref = onBoard[0]?.id;
      }
      if (ref !== undefined && claimed.has(ref)) {
        errors.push(
          errorAt(
            item.origin,
            'name',
            'match.repeated',
            `"${item.name}" matches the same ${kind} as an earlier row; each may appear once`,
            { kind, name: item.name },
          ),
        );
        return null;
      }
      if (ref === undefined) {
        if (item.id === undefined) {
          const earlier = unnamedIds.get(nameKey(item.name));
          if (earlier !== undefined) {
            errors.push(
              errorAt(
                item.origin,
                'name',
                'match.duplicateName',
                `"${item.name}" appears twice; give each an id or a distinct name`,
                { name: item.name },
              ),
            );
            return null;
          }
          unnamedIds.set(nameKey(item.name), index);
        }
        ref = newKey(kind);
        keepId(ref, item.id);
      }
      claimed.add(ref);
      directories[kind].addName(item.name, ref);
      if (item.id !== undefined && item.id !== ref) directories[kind].addFileId(item.id, ref);
      return ref;
    });
  };
  const orgRefs = match('organisation', incoming.organisations);
  const personRefs = match('person', incoming.people);
  const projectRefs = match('project', incoming.projects);

  /** Step 2: resolve a reference (id or name) to a node of the given kinds. */
  const resolve = (
    text: string,
    kinds: readonly ('organisation' | 'person')[],
    origin: SourceRef,
    field: string,
  ): PlanRef | null => {
    for (const kind of kinds) {
      const ref = directories[kind].byId(text);
      if (ref !== undefined) return ref;
    }
    const candidates = new Set<PlanRef>(kinds.flatMap((kind) => [...directories[kind].named(text)]));
    if (candidates.size === 1) return [...candidates][0] ?? null;
    const what = kinds.length === 2 ? 'organisation or person' : kinds[0];
    const whats =
      kinds.length === 2 ? 'organisations or people' : kinds[0] === 'person' ? 'people' : 'organisations';
    const kindParam = kinds.length === 2 ? 'node' : (kinds[0] ?? 'node');
    errors.push(
      candidates.size === 0
        ? errorAt(
            origin,
            field,
            'ref.missing',
            `no ${what} named or with id "${text}" in the import or on the board`,
            { what: kindParam, value: text },
          )
        : errorAt(
            origin,
            field,
            'ref.ambiguous',
            `"${text}" is the name of ${candidates.size} ${whats}; use an id to say which one`,
            { what: kindParam, value: text, count: candidates.size },
          ),
    );
    return null;
  };

  const organisationsAdd: PlannedOrganisation[] = [];
  const organisationsUpdate: PlannedUpdate<Organisation['id'], Record<string, unknown>>[] = [];
  incoming.organisations.forEach((o, i) => {
    const ref = orgRefs[i];
    if (ref == null) return;
    const before = current.organisations.get(ref as Organisation['id']);
    if (!before) {
      organisationsAdd.push({
        key: ref,
        ...withId(ref),
        name: o.name,
        sector: o.sector,
        notes: o.notes ?? '',
        themes: o.themes ?? [],
        position: o.position ?? { x: 0, y: 0 },
        laidOut: o.position === null,
      });
      return;
    }
    const patch: Record<string, unknown> = {};
    if (o.name !== before.name) patch.name = o.name;
    if (o.sector !== before.sector) patch.sector = o.sector;
    if (o.notes !== undefined && o.notes !== before.notes) patch.notes = o.notes;
    if (o.themes !== undefined && !sameList(o.themes, before.themes)) patch.themes = o.themes;
    if (o.position && (o.position.x !== before.position.x || o.position.y !== before.position.y))
      patch.position = o.position;
    if (Object.keys(patch).length > 0) organisationsUpdate.push({ id: before.id, label: before.name, patch });
  });

  const peopleAdd: PlannedPerson[] = [];
  const peopleUpdate: PersonUpdate[] = [];
  incoming.people.forEach((p, i) => {
    const ref = personRefs[i];
    if (ref == null) return;
    const organisation =
      p.organisation === undefined || p.organisation === null
        ? p.organisation
        : resolve(p.organisation, ['organisation'], p.origin, 'organisation');
    if (organisation === null && p.organisation) return;
    const before = current.people.get(ref as Person['id']);
    if (!before) {
      peopleAdd.push({
        key: ref,
        ...withId(ref),
        name: p.name,
        organisation: organisation ?? null,
        roles: p.roles ?? [],
        notes: p.notes ?? '',
        position: p.position ?? { x: 0, y: 0 },
        laidOut: p.position === null,
      });
      return;
    }
    const patch: Record<string, unknown> = {};
    if (p.name !== before.name) patch.name = p.name;
    if (p.roles !== undefined && !sameList(p.roles, before.roles)) patch.roles = p.roles;
    if (p.notes !== undefined && p.notes !== before.notes) patch.notes = p.notes;
    if (p.position && (p.position.x !== before.position.x || p.position.y !== before.position.y))
      patch.position = p.position;
    const organisationChanges = organisation !== undefined && organisation !== before.organisationId;
    if (Object.keys(patch).length > 0 || organisationChanges) {
      peopleUpdate.push({
        id: before.id,
        label: before.name,
        patch,
        ...(organisationChanges ? { organisation } : {}),
      });
    }
  });

  const projectsAdd: PlannedProject[] = [];
  const projectsUpdate: ProjectUpdate[] = [];
  incoming.projects.forEach((p, i) => {
    const ref = projectRefs[i];
    if (ref == null) return;
    const members: PlanRef[] = [];
    for (const member of p.members ?? []) {
      const resolved = resolve(member, ['organisation', 'person'], p.origin, 'members');
      if (resolved !== null && !members.includes(resolved)) members.push(resolved);
    }
    const before = current.projects.get(ref as Project['id']);
    if (!before) {
      projectsAdd.push({
        key: ref,
        ...withId(ref),
        name: p.name,
        ...(p.colour === undefined ? {} : { colour: p.colour }),
        description: p.description ?? '',
        themes: p.themes ?? [],
        members,
      });
      return;
    }
    const patch: Record<string, unknown> = {};
    if (p.name !== before.name) patch.name = p.name;
    if (p.colour !== undefined && p.colour !== before.colour) patch.colour = p.colour;
    if (p.description !== undefined && p.description !== before.description)
      patch.description = p.description;
    if (p.themes !== undefined && !sameList(p.themes, before.themes)) patch.themes = p.themes;
    const addMembers = members.filter((m) => !before.memberIds.includes(m as Project['memberIds'][number]));
    if (Object.keys(patch).length > 0 || addMembers.length > 0) {
      projectsUpdate.push({ id: before.id, label: before.name, patch, addMembers });
    }
  });

  const relationshipsAdd: PlannedRelationship[] = [];
  const relationshipsUpdate: PlannedUpdate<Relationship['id'], Record<string, unknown>>[] = [];
  const claimedRelationships = new Set<string>();
  /** The plan's ref of each relationship of the file, by the file's id (threads and scores refer to them). */
  const relationshipRefs = new Map<string, PlanRef>();
  incoming.relationships.forEach((r) => {
    const source = resolve(r.source, ['organisation', 'person'], r.origin, 'source');
    const target = resolve(r.target, ['organisation', 'person'], r.origin, 'target');
    if (source === null || target === null) return;
    if (source === target) {
      errors.push(
        errorAt(r.origin, 'target', 'ref.sameEnds', 'a relationship must connect two different nodes'),
      );
      return;
    }
    let before = r.id === undefined ? undefined : current.relationships.get(r.id as Relationship['id']);
    if (before === undefined && r.id !== undefined && allIds.has(r.id)) {
      errors.push(
        errorAt(
          r.origin,
          'id',
          'match.otherKind',
          `id "${r.id}" belongs to another kind of entity on the board`,
          {
            id: r.id,
          },
        ),
      );
      return;
    }
    if (before === undefined) {
      const between = [...current.relationships.values()].filter(
        (e) =>
          ((e.source === source && e.target === target) || (e.source === target && e.target === source)) &&
          (r.kind === undefined || r.kind === e.kind),
      );
      if (between.length === 1) before = between[0];
    }
    if (before && claimedRelationships.has(before.id)) before = undefined;
    if (!before) {
      const { origin: _origin, id: fileId, source: _s, target: _t, ...fields } = r;
      const key = newKey('relationship');
      keepId(key, fileId);
      if (fileId !== undefined) relationshipRefs.set(fileId, key);
      relationshipsAdd.push({ key, ...withId(key), source, target, ...fields });
      return;
    }
    claimedRelationships.add(before.id);
    if (r.id !== undefined) relationshipRefs.set(r.id, before.id);
    const patch: Record<string, unknown> = {};
    for (const field of ['strength', 'kind', 'form', 'direction', 'notes', 'lastChecked'] as const) {
      if (r[field] !== undefined && r[field] !== before[field]) patch[field] = r[field];
    }
    if (Object.keys(patch).length > 0) {
      const label = (id: string): string =>
        current.organisations.get(id as Organisation['id'])?.name ??
        current.people.get(id as Person['id'])?.name ??
        id;
      relationshipsUpdate.push({
        id: before.id,
        label: `${label(before.source)} – ${label(before.target)}`,
        patch,
      });
    }
  });

  const positions = layoutNewNodes(
    [
      ...[...current.organisations.values(), ...current.people.values()].map((n) => ({
        key: n.id as string,
        position: n.position,
      })),
      ...organisationsAdd.map((o) => ({ key: o.key, position: o.laidOut ? null : o.position })),
      ...peopleAdd.map((p) => ({ key: p.key, position: p.laidOut ? null : p.position })),
    ],
    [
      ...relationshipsAdd.map((r): LayoutLink => ({ source: r.source, target: r.target })),
      ...[...current.relationships.values()].map((r): LayoutLink => ({ source: r.source, target: r.target })),
      ...peopleAdd.flatMap((p): LayoutLink[] =>
        p.organisation ? [{ source: p.key, target: p.organisation }] : [],
      ),
    ],
  );
  const placed = <T extends { key: string; position: { x: number; y: number }; laidOut: boolean }>(
    item: T,
  ): T => (item.laidOut ? { ...item, position: positions.get(item.key) ?? item.position } : item);

  const refOf = (fileId: string): PlanRef | undefined =>
    directories.organisation.byId(fileId) ??
    directories.person.byId(fileId) ??
    directories.project.byId(fileId) ??
    relationshipRefs.get(fileId);
  const extras = planBoardExtras(current, incoming, refOf, takenIds);

  return {
    organisations: { add: organisationsAdd.map(placed), update: organisationsUpdate },
    people: { add: peopleAdd.map(placed), update: peopleUpdate },
    projects: { add: projectsAdd, update: projectsUpdate },
    relationships: { add: relationshipsAdd, update: relationshipsUpdate },
    ...extras,
    settings: incoming.settings ?? null,
    errors,
  };
}
