import * as Y from 'yjs';
import { z } from 'zod';
import { MEMBERS_KEY, collection, entityMap } from '../document.ts';
import type { EntityMap } from '../document.ts';
import { newProjectId } from '../ids.ts';
import { idSchema, parseInput } from '../records/fields.ts';
import { DEFAULT_PROJECT_COLOURS, projectFieldsSchema } from '../records/project.ts';
import type { NodeId, Project, ProjectId } from '../types.ts';
import { assertId, insertEntity, newEntityId, setField, storedNodeKind, transactLocal } from './write.ts';

export interface NewProject {
  /** Keep this id (an import); must look like a generated id and be unused. Default: a fresh one. */
  id?: string;
  name: string;
  colour?: string;
  description?: string;
  themes?: readonly string[];
  memberIds?: readonly NodeId[];
}
export type ProjectPatch = Partial<Pick<Project, 'name' | 'colour' | 'description' | 'themes' | 'memberIds'>>;

/**
 * The project's members map, created (or replaced, when a client stored
 * something else there) as needed. Members are keys of a `Y.Map<true>` so
 * concurrent additions and removals of different members merge.
 */
function membersOf(project: EntityMap): Y.Map<true> {
  const members = project.get(MEMBERS_KEY);
  if (members instanceof Y.Map) return members as Y.Map<true>;
  const fresh = new Y.Map<true>();
  project.set(MEMBERS_KEY, fresh);
  return fresh;
}

function assertNodes(doc: Y.Doc, command: string, ids: readonly string[]): void {
  const missing = ids.filter((id) => storedNodeKind(doc, id) === null);
  if (missing.length > 0) {
    throw new Error(`${command}: not organisations or people on this board: ${missing.join(', ')}`);
  }
}

/** Add a project (optionally with members, which must exist); the colour defaults to the next palette colour. */
export function addProject(doc: Y.Doc, input: NewProject): ProjectId {
  const count = collection(doc, 'project').size;
  const { id: requestedId, ...rest } = input;
  const { memberIds, ...fields } = parseInput('addProject', projectFieldsSchema, {
    colour: DEFAULT_PROJECT_COLOURS[count % DEFAULT_PROJECT_COLOURS.length],
    description: '',
    themes: [],
    memberIds: [],
    ...rest,
  });
  assertNodes(doc, 'addProject', memberIds);
  const id = newEntityId(doc, 'addProject', requestedId, newProjectId);
  transactLocal(doc, () => {
    const project = insertEntity(doc, 'project', id, fields);
    const members = membersOf(project);
    for (const nodeId of memberIds) members.set(nodeId, true);
  });
  return id;
}

/**
 * Change some fields of a project. `memberIds`, when given, becomes the exact
 * member list (applied as additions and removals, so it merges with others').
 * @returns false when the project does not exist.
 */
export function updateProject(doc: Y.Doc, id: ProjectId, patch: ProjectPatch): boolean {
  assertId('updateProject', id);
  const { memberIds, ...fields } = parseInput('updateProject', projectFieldsSchema.partial(), patch);
  if (memberIds) assertNodes(doc, 'updateProject', memberIds);
  return transactLocal(doc, () => {
    const project = entityMap(doc, 'project', id);
    if (!project) return false;
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) setField(project, key, value);
    if (memberIds) {
      const members = membersOf(project);
      const wanted = new Set(memberIds);
      for (const key of [...members.keys()]) if (!wanted.has(key)) members.delete(key);
      for (const nodeId of wanted) if (members.get(nodeId) !== true) members.set(nodeId, true);
    }
    return true;
  });
}

const nodeIdsSchema = z.array(idSchema);

/**
 * Add nodes to a project; ids that are not (or no longer) nodes are ignored.
 * @returns false when the project does not exist.
 */
export function addToProject(doc: Y.Doc, projectId: ProjectId, nodeIds: readonly NodeId[]): boolean {
  assertId('addToProject', projectId, 'projectId');
  const ids = parseInput('addToProject', nodeIdsSchema, nodeIds);
  return transactLocal(doc, () => {
    const project = entityMap(doc, 'project', projectId);
    if (!project) return false;
    const toAdd = ids.filter((nodeId) => storedNodeKind(doc, nodeId) !== null);
    if (toAdd.length === 0) return true;
    const members = membersOf(project);
    for (const nodeId of toAdd) if (members.get(nodeId) !== true) members.set(nodeId, true);
    return true;
  });
}

/**
 * Remove nodes from a project.
 * @returns false when the project does not exist.
 */
export function removeFromProject(doc: Y.Doc, projectId: ProjectId, nodeIds: readonly NodeId[]): boolean {
  assertId('removeFromProject', projectId, 'projectId');
  const ids = parseInput('removeFromProject', nodeIdsSchema, nodeIds);
  return transactLocal(doc, () => {
    const project = entityMap(doc, 'project', projectId);
    if (!project) return false;
    const members = project.get(MEMBERS_KEY);
    if (!(members instanceof Y.Map)) return true;
    for (const nodeId of ids) if (members.has(nodeId)) members.delete(nodeId);
    return true;
  });
}
