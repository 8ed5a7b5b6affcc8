import {
  addOrganisation,
  addPerson,
  addProject,
  addToProject,
  connect,
  deleteEntities,
  clearHealthScore,
  removeFromProject,
  scoreHealth,
  setGiveTake,
  reverseRelationship,
  setStrength,
  updateOrganisation,
  updatePerson,
  updateProject,
  updateRelationship,
} from '@interplay/shared';
import type {
  BoardSnapshot,
  Organisation,
  GiveTakeLevel,
  GiveTakeResource,
  GiveTakeSide,
  HealthDimension,
  NodeId,
  OrganisationId,
  OrganisationPatch,
  PersonId,
  PersonPatch,
  Position,
  ProjectId,
  ProjectPatch,
  RelationshipId,
  RelationshipPatch,
  Scorer,
  Strength,
} from '@interplay/shared';
import type { Translate } from '../../i18n/index.ts';
import type { Doc, UndoManager } from 'yjs';
import type { BoardViewStore } from '../view/boardViewStore.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { GuardedAction } from './boardPermissions.ts';
import { freeSpot } from './freeSpot.ts';
import type { FitBoardOptions } from '../reactFlow/useFitBoard.ts';
import { boardFitPadding } from '../fitPadding.ts';
import { DEFAULT_ORGANISATION_SIZE, DEFAULT_PERSON_SIZE } from '../view/flowTypes.ts';

/** Asking before deleting more than this many entities at once. */
export const CONFIRM_DELETE_ABOVE = 3;

export interface BoardActions {
  /** Adds an organisation (at `position`, else in the middle of the view) and starts renaming it. */
  addOrganisation(position?: Position): void;
  /** Adds a person, in and next to the selected organisation if exactly one is selected. */
  addPerson(): void;
  /** Makes a project of the selected nodes, or hints how to. */
  makeProject(): void;
  addSelectionToProject(projectId: ProjectId): void;
  /** Connects the two selected nodes, or hints how to. */
  connectSelected(): void;
  /** Draws a relationship between two nodes and selects it. */
  connectNodes(source: string, target: string): void;
  deleteSelection(): void;
  rename(nodeId: string, name: string): void;
  /** The side panel's field edits: each refused, doing nothing, when this page may not edit now. */
  updateOrganisation(id: OrganisationId, patch: OrganisationPatch): void;
  updatePerson(id: PersonId, patch: PersonPatch): void;
  updateProject(id: ProjectId, patch: ProjectPatch): void;
  removeFromProject(id: ProjectId, memberIds: readonly NodeId[]): void;
  updateRelationship(id: RelationshipId, patch: RelationshipPatch): void;
  setStrength(id: RelationshipId, strength: Strength): void;
  /** The relationship's source becomes its target and the other way round. */
  reverseRelationship(id: RelationshipId): void;
  setGiveTake(id: OrganisationId, resource: GiveTakeResource, side: GiveTakeSide, level: GiveTakeLevel): void;
  /** This person's health score of a relationship, or its removal. */
  scoreHealth(id: RelationshipId, scorer: Scorer, dimension: HealthDimension, value: number): void;
  clearHealthScore(id: RelationshipId, scorerId: Scorer['id']): void;
  undo(): void;
  redo(): void;
  fitView(): void;
}

/** What the actions work with (`useBoardActions` gathers it). */
export interface ActionContext {
  /** The live document, or null where this map never edits. */
  readonly doc: Doc | null;
  readonly store: BoardViewStore;
  readonly undoManager: UndoManager | null;
  readonly readOnly: boolean;
  readonly t: Translate;
  viewCentre(): Position;
  selectedNodeIds(): NodeId[];
  hint(message: MessageKey | null): void;
  /** True (and says why in the hint line) when a lock, phase or role forbids `action` now, or nothing may be edited here. */
  refused(action: GuardedAction): boolean;
  /** Whether this page may do `action` now (saying nothing when not). */
  may(action: GuardedAction): boolean;
  /** Runs a field edit of the side panel when this page may do `action` (by default edit) now. */
  edit(write: (doc: Doc) => void, action?: GuardedAction): void;
  fitBoard(options: FitBoardOptions): void;
}

type AddingAction =
  | 'addOrganisation'
  | 'addPerson'
  | 'makeProject'
  | 'addSelectionToProject'
  | 'connectSelected'
  | 'connectNodes';

/** Every intent as one model command, checked against the context's permissions. */
export function createBoardActions(c: ActionContext): BoardActions {
  return { ...addingActions(c), ...changingActions(c) };
}

/** Where a new colleague of `organisation` goes: in rows of three under its card. */
function besideOrganisation(snapshot: BoardSnapshot, organisation: Organisation): Position {
  let colleagues = 0;
  for (const person of snapshot.people.values()) {
    if (person.organisationId === organisation.id) colleagues += 1;
  }
  return {
    x: organisation.position.x - 30 + (colleagues % 3) * 150,
    y: organisation.position.y + 110 + Math.floor(colleagues / 3) * 110,
  };
}

/** Farther than this from their new organisation, a person moves beside it. */
const FAR_FROM_ORGANISATION = 500;

/**
 * A person given an organisation far from where they stand (added with nothing selected, then placed in
 * the side panel) moves beside it, in the same step, when this page may move cards.
 */
function movedToOrganisation(c: ActionContext, id: PersonId, patch: PersonPatch): PersonPatch {
  if (!patch.organisationId || patch.position || !c.may('move')) return patch;
  const { snapshot, nodes } = c.store.getState();
  const person = snapshot.people.get(id);
  const organisation = snapshot.organisations.get(patch.organisationId);
  if (!person || !organisation || person.organisationId === organisation.id) return patch;
  const distance = Math.hypot(
    person.position.x - organisation.position.x,
    person.position.y - organisation.position.y,
  );
  if (distance < FAR_FROM_ORGANISATION) return patch;
  const others = nodes.filter((node) => node.id !== id);
  const at = freeSpot(besideOrganisation(snapshot, organisation), DEFAULT_PERSON_SIZE, others);
  return { ...patch, position: { x: Math.round(at.x), y: Math.round(at.y) } };
}

/** Adding organisations, people, projects and relationships; new things are selected. */
function addingActions(c: ActionContext): Pick<BoardActions, AddingAction> {
  const adding: Pick<BoardActions, AddingAction> = {
    addOrganisation(position) {
      if (c.refused('organisation') || !c.doc) return;
      const centre = c.viewCentre();
      const at = freeSpot(
        position ?? {
          x: centre.x - DEFAULT_ORGANISATION_SIZE.width / 2,
          y: centre.y - DEFAULT_ORGANISATION_SIZE.height / 2,
        },
        DEFAULT_ORGANISATION_SIZE,
        c.store.getState().nodes,
      );
      const id = addOrganisation(c.doc, {
        name: c.t('canvas.new.organisation'),
        sector: 'other',
        position: { x: Math.round(at.x), y: Math.round(at.y) },
      });
      c.store.getState().selectOnly([id]);
      c.store.getState().setEditing(id);
    },

    addPerson() {
      if (c.refused('person') || !c.doc) return;
      const { snapshot, selection } = c.store.getState();
      const onlyId = selection.nodeIds.length === 1 ? selection.nodeIds[0] : undefined;
      const organisation = onlyId ? snapshot.organisations.get(onlyId as OrganisationId) : undefined;
      let position: Position;
      if (organisation) {
        position = besideOrganisation(snapshot, organisation);
      } else {
        const centre = c.viewCentre();
        position = { x: Math.round(centre.x - 70), y: Math.round(centre.y - 40) };
      }
      const id = addPerson(c.doc, {
        name: c.t('canvas.new.person'),
        organisationId: organisation?.id ?? null,
        position: freeSpot(position, DEFAULT_PERSON_SIZE, c.store.getState().nodes),
      });
      c.store.getState().selectOnly([id]);
      c.store.getState().setEditing(id);
    },

    makeProject() {
      if (c.refused('project') || !c.doc) return;
      const memberIds = c.selectedNodeIds();
      if (memberIds.length === 0) {
        c.hint('canvas.hint.project');
        return;
      }
      const n = c.store.getState().snapshot.projects.size + 1;
      const id = addProject(c.doc, { name: c.t('canvas.new.project', { n }), memberIds });
      c.store.getState().selectProject(id);
    },

    addSelectionToProject(projectId) {
      if (c.readOnly || !c.doc) return;
      const ids = c.selectedNodeIds();
      if (ids.length > 0) addToProject(c.doc, projectId, ids);
    },

    connectSelected() {
      if (c.refused('relationship') || !c.doc) return;
      const ids = c.selectedNodeIds();
      const [source, target] = ids;
      if (ids.length !== 2 || !source || !target) {
        c.hint('canvas.hint.relationship');
        return;
      }
      adding.connectNodes(source, target);
    },

    connectNodes(source, target) {
      if (source === target || c.refused('relationship') || !c.doc) return;
      const id = connect(c.doc, { source: source as NodeId, target: target as NodeId });
      if (id) c.store.getState().selectOnly([id]);
    },
  };
  return adding;
}

/** Deleting, renaming, the side panel's field edits, undo and the fit. */
function changingActions(c: ActionContext): Omit<BoardActions, AddingAction> {
  return {
    deleteSelection() {
      if (c.readOnly || !c.doc) return;
      const { selection } = c.store.getState();
      const ids = [...selection.nodeIds, ...selection.relationshipIds];
      if (selection.projectId) ids.push(selection.projectId);
      if (ids.length === 0) return;
      if (
        ids.length > CONFIRM_DELETE_ABOVE &&
        !window.confirm(c.t('canvas.confirmDelete', { count: ids.length }))
      ) {
        return;
      }
      deleteEntities(c.doc, ids);
      c.store.getState().clearSelection();
    },

    rename(nodeId, name) {
      if (c.readOnly || !c.doc) return;
      const trimmed = name.trim();
      if (trimmed === '') return;
      const { snapshot } = c.store.getState();
      if (snapshot.organisations.has(nodeId as OrganisationId)) {
        updateOrganisation(c.doc, nodeId as OrganisationId, { name: trimmed });
      } else if (snapshot.people.has(nodeId as PersonId)) {
        updatePerson(c.doc, nodeId as PersonId, { name: trimmed });
      }
    },

    updateOrganisation: (id, patch) => c.edit((board) => updateOrganisation(board, id, patch)),
    updatePerson: (id, patch) =>
      c.edit((board) => updatePerson(board, id, movedToOrganisation(c, id, patch))),
    updateProject: (id, patch) => c.edit((board) => updateProject(board, id, patch)),
    removeFromProject: (id, memberIds) => c.edit((board) => removeFromProject(board, id, [...memberIds])),
    updateRelationship: (id, patch) => c.edit((board) => updateRelationship(board, id, patch)),
    setStrength: (id, strength) => c.edit((board) => setStrength(board, id, strength)),
    reverseRelationship: (id) => c.edit((board) => reverseRelationship(board, id)),
    // Give and take counts as scoring (the server's rule): open in the open and scoring phases only.
    setGiveTake: (id, resource, side, level) =>
      c.edit((board) => setGiveTake(board, id, resource, side, level), 'score'),
    scoreHealth: (id, scorer, dimension, value) =>
      c.edit((board) => scoreHealth(board, id, scorer, dimension, value), 'score'),
    clearHealthScore: (id, scorerId) => c.edit((board) => clearHealthScore(board, id, scorerId), 'score'),

    undo() {
      if (!c.readOnly) c.undoManager?.undo();
    },

    redo() {
      if (!c.readOnly) c.undoManager?.redo();
    },

    fitView() {
      c.fitBoard({ padding: boardFitPadding(), duration: 250 });
    },
  };
}
