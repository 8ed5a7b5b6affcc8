import type { BoardViewActions, BoardViewState } from './boardViewStore.ts';

type S = BoardViewState & BoardViewActions;

/** Named selectors, so subscriptions are stable and easy to find. */
export const selectNodes = (s: S) => s.nodes;
export const selectEdges = (s: S) => s.edges;
export const selectSnapshot = (s: S) => s.snapshot;
export const selectSelection = (s: S) => s.selection;
export const selectHint = (s: S) => s.hint;
export const selectEditingNodeId = (s: S) => s.editingNodeId;
export const selectHoveredEdgeId = (s: S) => s.hoveredEdgeId;
export const selectProjects = (s: S) => s.snapshot.projects;
/** The projects the view draws (`deriveFlow`). */
export const selectShownProjects = (s: S) => s.projects;
export const selectOrganisations = (s: S) => s.snapshot.organisations;
export const selectPeople = (s: S) => s.snapshot.people;
export const selectRelationships = (s: S) => s.snapshot.relationships;
export const selectApplyNodeChanges = (s: S) => s.applyNodeChanges;
export const selectApplyEdgeChanges = (s: S) => s.applyEdgeChanges;
