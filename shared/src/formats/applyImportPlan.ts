/**
 * Applies a previewed import through the model's commands, as ONE local
 * transaction: one update on the wire, one step for the user's undo.
 */
import type * as Y from 'yjs';
import { localOrigin } from '../board/document.ts';
import { addOrganisation, addPerson, updateOrganisation, updatePerson } from '../board/commands/nodes.ts';
import { addProject, addToProject, updateProject } from '../board/commands/projects.ts';
import { connect, updateRelationship } from '../board/commands/relationships.ts';
import { readBoard } from '../board/read.ts';
import type {
  BoardSnapshot,
  NodeId,
  OrganisationId,
  PersonId,
  ProjectId,
  RelationshipId,
  ThreadId,
} from '../board/types.ts';
import { applyBoardExtras } from './applyBoardExtras.ts';
import { formatImportError } from './importError.ts';
import type { ImportPlan, PlanRef } from './importPlan.ts';

/** The ids the board gave to what the plan added, by plan key. */
export type AppliedIds = ReadonlyMap<PlanRef, string>;

export interface ApplyImportOptions {
  /**
   * Also apply the file's board settings (locks, phase, maintenance period, viewers' comments).
   * Default false: settings describe the board the file came from, not the one imported into.
   * WARNING: only for a facilitator filling a fresh board; the server refuses anyone else's
   * settings change, and with it the whole import.
   */
  readonly applySettings?: boolean;
}

/** Refs of the plan that must still be on the board when it is applied, besides nodes. */
function missingExtras(plan: ImportPlan, board: BoardSnapshot): string[] {
  const isEntity = (ref: string): boolean =>
    ref.startsWith('new:') ||
    board.organisations.has(ref as OrganisationId) ||
    board.people.has(ref as PersonId) ||
    board.projects.has(ref as ProjectId) ||
    board.relationships.has(ref as RelationshipId);
  const keptThreadIds = plan.annotations.add.flatMap((t) => (t.id === undefined ? [] : [t.id]));
  return [
    ...plan.annotations.add.flatMap((t) => (t.target !== null && !isEntity(t.target) ? [t.target] : [])),
    ...keptThreadIds.filter((id) => board.annotations.has(id as ThreadId) || isEntity(id)),
    ...plan.annotations.update.filter((u) => !board.annotations.has(u.id)).map((u) => u.id),
    ...[...plan.health.add, ...plan.health.update]
      .map((h) => h.relationship)
      .filter((ref) => !ref.startsWith('new:') && !board.relationships.has(ref as RelationshipId)),
    ...[...plan.giveTake.add, ...plan.giveTake.update]
      .map((g) => g.organisation)
      .filter((ref) => !ref.startsWith('new:') && !board.organisations.has(ref as OrganisationId)),
  ];
}

/**
 * WARNING: throws (and changes nothing) when the plan has errors or when the
 * board lost an entity the plan refers to since the preview (someone deleted
 * it meanwhile); plan again from a fresh snapshot then.
 */
export function applyImportPlan(doc: Y.Doc, plan: ImportPlan, options: ApplyImportOptions = {}): AppliedIds {
  if (plan.errors.length > 0) {
    throw new Error(
      `The import has ${plan.errors.length} error(s): ${plan.errors.slice(0, 3).map(formatImportError).join('; ')}`,
    );
  }
  // Checked before the transaction: a command throwing halfway would leave half an import behind.
  const board = readBoard(doc);
  const exists = (ref: PlanRef): boolean =>
    ref.startsWith('new:') ||
    board.organisations.has(ref as OrganisationId) ||
    board.people.has(ref as PersonId);
  const referenced = [
    ...plan.organisations.update.map((u) => u.id),
    ...plan.people.update.map((u) => u.id),
    ...plan.people.update.flatMap((u) => (u.organisation ? [u.organisation] : [])),
    ...plan.people.add.flatMap((p) => (p.organisation ? [p.organisation] : [])),
    ...plan.projects.add.flatMap((p) => p.members),
    ...plan.projects.update.flatMap((u) => u.addMembers),
    ...plan.relationships.add.flatMap((r) => [r.source, r.target]),
  ];
  const missing = referenced.filter((ref) => !exists(ref));
  const missingOther: string[] = [
    ...plan.projects.update.filter((u) => !board.projects.has(u.id)).map((u) => u.id),
    ...plan.relationships.update.filter((u) => !board.relationships.has(u.id)).map((u) => u.id),
  ];
  // Ids kept from the file must still be free (someone may have imported the same file meanwhile).
  const keptIds = [
    ...plan.organisations.add,
    ...plan.people.add,
    ...plan.projects.add,
    ...plan.relationships.add,
  ].flatMap((e) => (e.id === undefined ? [] : [e.id]));
  const taken = keptIds.filter(
    (keptId) =>
      board.organisations.has(keptId as OrganisationId) ||
      board.people.has(keptId as PersonId) ||
      board.projects.has(keptId as ProjectId) ||
      board.relationships.has(keptId as RelationshipId),
  );
  missingOther.push(...taken, ...missingExtras(plan, board));
  if (missing.length + missingOther.length > 0) {
    throw new Error(
      `The board changed since the preview (${[...missing, ...missingOther].length} entities are gone or taken); preview the import again.`,
    );
  }

  const ids = new Map<PlanRef, string>();
  const id = (ref: PlanRef): string => ids.get(ref) ?? ref;
  doc.transact(() => {
    for (const o of plan.organisations.add) {
      ids.set(
        o.key,
        addOrganisation(doc, {
          ...(o.id === undefined ? {} : { id: o.id }),
          name: o.name,
          sector: o.sector,
          notes: o.notes,
          themes: o.themes,
          position: o.position,
        }),
      );
    }
    for (const u of plan.organisations.update) updateOrganisation(doc, u.id, u.patch);
    for (const p of plan.people.add) {
      ids.set(
        p.key,
        addPerson(doc, {
          ...(p.id === undefined ? {} : { id: p.id }),
          name: p.name,
          organisationId: p.organisation === null ? null : (id(p.organisation) as OrganisationId),
          roles: p.roles,
          notes: p.notes,
          position: p.position,
        }),
      );
    }
    for (const u of plan.people.update) {
      const organisation =
        u.organisation === undefined
          ? {}
          : { organisationId: u.organisation === null ? null : (id(u.organisation) as OrganisationId) };
      updatePerson(doc, u.id, { ...u.patch, ...organisation });
    }
    for (const p of plan.projects.add) {
      ids.set(
        p.key,
        addProject(doc, {
          ...(p.id === undefined ? {} : { id: p.id }),
          name: p.name,
          ...(p.colour === undefined ? {} : { colour: p.colour }),
          description: p.description,
          themes: p.themes,
          memberIds: p.members.map((m) => id(m) as NodeId),
        }),
      );
    }
    for (const u of plan.projects.update) {
      if (Object.keys(u.patch).length > 0) updateProject(doc, u.id, u.patch);
      if (u.addMembers.length > 0)
        addToProject(
          doc,
          u.id,
          u.addMembers.map((m) => id(m) as NodeId),
        );
    }
    for (const r of plan.relationships.add) {
      const { key, source, target, ...fields } = r;
      const created = connect(doc, { ...fields, source: id(source) as NodeId, target: id(target) as NodeId });
      if (created !== null) ids.set(key, created);
    }
    for (const u of plan.relationships.update) updateRelationship(doc, u.id, u.patch);
    applyBoardExtras(doc, plan, id, options.applySettings === true);
  }, localOrigin);
  return ids;
}
