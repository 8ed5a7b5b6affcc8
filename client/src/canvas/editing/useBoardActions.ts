import { useMemo } from 'react';
import {
  addOrganisation,
  addPerson,
  addProject,
  addToProject,
  connect,
  deleteEntities,
  removeFromProject,
  setStrength,
  updateOrganisation,
  updatePerson,
  updateProject,
  updateRelationship,
} from '@interplay/shared';
import type {
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
  Strength,
} from '@interplay/shared';
import { useT } from '../../i18n/index.ts';
import { useMapContext } from '../MapContext.ts';
import { useFlowViewport } from '../reactFlow/flowState.ts';
import type { GuardedAction } from './boardPermissions.ts';
import { freeSpot } from './freeSpot.ts';
import { useFitBoard } from '../reactFlow/useFitBoard.ts';
import { BOARD_FIT_PADDING } from '../fitPadding.ts';
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
  undo(): void;
  redo(): void;
  fitView(): void;
}

/**
 * The user's intents on the map and in the side panel, each one model command
 * (one transaction, one undo step), each checked against what this page may
 * do now (`permissions`). Shared by the toolbar, shortcuts and the side panel.
 * Where the map never edits (`editing` null) every change is refused.
 */
export function useBoardActions(): BoardActions {
  const { store, editing, readOnly, permissions } = useMapContext();
  const viewport = useFlowViewport();
  const fitBoard = useFitBoard();
  const t = useT();
  const doc = editing?.doc ?? null;
  const undoManager = editing?.undoManager ?? null;

  return useMemo(() => {
    const viewCentre = (): Position => viewport.centre();
    const selectedNodeIds = (): NodeId[] => store.getState().selection.nodeIds as NodeId[];
    const hint = store.getState().setHint;
    const snapshotNodes = () => store.getState().nodes;
    /** True (and says why in the hint line) when a lock, phase or role forbids `action` now. */
    const refused = (action: GuardedAction): boolean => {
      const why = permissions.why(action);
      if (why !== null && !readOnly) hint(why);
      return why !== null || doc === null;
    };
    /** Runs a field edit of the side panel when this page may edit now. */
    const edit = (write: (board: NonNullable<typeof doc>) => void): void => {
      if (!refused('edit') && doc) write(doc);
    };

    const actions: BoardActions = {
      addOrganisation(position) {
        if (refused('organisation') || !doc) return;
        const centre = viewCentre();
        const at = freeSpot(
          position ?? {
            x: centre.x - DEFAULT_ORGANISATION_SIZE.width / 2,
            y: centre.y - DEFAULT_ORGANISATION_SIZE.height / 2,
          },
          DEFAULT_ORGANISATION_SIZE,
          store.getState().nodes,
        );
        const id = addOrganisation(doc, {
          name: t('canvas.new.organisation'),
          sector: 'other',
          position: { x: Math.round(at.x), y: Math.round(at.y) },
        });
        store.getState().selectOnly([id]);
        store.getState().setEditing(id);
      },

      addPerson() {
        if (refused('person') || !doc) return;
        const { snapshot, selection } = store.getState();
        const onlyId = selection.nodeIds.length === 1 ? selection.nodeIds[0] : undefined;
        const organisation = onlyId ? snapshot.organisations.get(onlyId as OrganisationId) : undefined;
        let position: Position;
        if (organisation) {
          // Lay colleagues out in rows of three under their organisation's card.
          let colleagues = 0;
          for (const person of snapshot.people.values()) {
            if (person.organisationId === organisation.id) colleagues += 1;
          }
          position = {
            x: organisation.position.x - 30 + (colleagues % 3) * 150,
            y: organisation.position.y + 110 + Math.floor(colleagues / 3) * 110,
          };
        } else {
          const centre = viewCentre();
          position = { x: Math.round(centre.x - 70), y: Math.round(centre.y - 40) };
        }
        const id = addPerson(doc, {
          name: t('canvas.new.person'),
          organisationId: organisation?.id ?? null,
          position: freeSpot(position, DEFAULT_PERSON_SIZE, snapshotNodes()),
        });
        store.getState().selectOnly([id]);
        store.getState().setEditing(id);
      },

      makeProject() {
        if (refused('project') || !doc) return;
        const memberIds = selectedNodeIds();
        if (memberIds.length === 0) {
          hint('canvas.hint.project');
          return;
        }
        const n = store.getState().snapshot.projects.size + 1;
        const id = addProject(doc, { name: t('canvas.new.project', { n }), memberIds });
        store.getState().selectProject(id);
      },

      addSelectionToProject(projectId) {
        if (readOnly || !doc) return;
        const ids = selectedNodeIds();
        if (ids.length > 0) addToProject(doc, projectId, ids);
      },

      connectSelected() {
        if (refused('relationship') || !doc) return;
        const ids = selectedNodeIds();
        const [source, target] = ids;
        if (ids.length !== 2 || !source || !target) {
          hint('canvas.hint.relationship');
          return;
        }
        actions.connectNodes(source, target);
      },

      connectNodes(source, target) {
        if (source === target || refused('relationship') || !doc) return;
        const id = connect(doc, { source: source as NodeId, target: target as NodeId });
        if (id) store.getState().selectOnly([id]);
      },

      deleteSelection() {
        if (readOnly || !doc) return;
        const { selection } = store.getState();
        const ids = [...selection.nodeIds, ...selection.relationshipIds];
        if (selection.projectId) ids.push(selection.projectId);
        if (ids.length === 0) return;
        if (
          ids.length > CONFIRM_DELETE_ABOVE &&
          !window.confirm(t('canvas.confirmDelete', { count: ids.length }))
        ) {
          return;
        }
        deleteEntities(doc, ids);
        store.getState().clearSelection();
      },

      rename(nodeId, name) {
        if (readOnly || !doc) return;
        const trimmed = name.trim();
        if (trimmed === '') return;
        const { snapshot } = store.getState();
        if (snapshot.organisations.has(nodeId as OrganisationId)) {
          updateOrganisation(doc, nodeId as OrganisationId, { name: trimmed });
        } else if (snapshot.people.has(nodeId as PersonId)) {
          updatePerson(doc, nodeId as PersonId, { name: trimmed });
        }
      },

      updateOrganisation: (id, patch) => edit((board) => updateOrganisation(board, id, patch)),
      updatePerson: (id, patch) => edit((board) => updatePerson(board, id, patch)),
      updateProject: (id, patch) => edit((board) => updateProject(board, id, patch)),
      removeFromProject: (id, memberIds) => edit((board) => removeFromProject(board, id, [...memberIds])),
      updateRelationship: (id, patch) => edit((board) => updateRelationship(board, id, patch)),
      setStrength: (id, strength) => edit((board) => setStrength(board, id, strength)),

      undo() {
        if (!readOnly) undoManager?.undo();
      },

      redo() {
        if (!readOnly) undoManager?.redo();
      },

      fitView() {
        fitBoard({ padding: BOARD_FIT_PADDING, duration: 250 });
      },
    };
    return actions;
  }, [doc, fitBoard, permissions, readOnly, store, t, undoManager, viewport]);
}
