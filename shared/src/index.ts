export * from './board/types.ts';
export { BOARD_SCHEMA_VERSION, ENTITY_KINDS, localOrigin, type EntityKind } from './board/document.ts';
export {
  DEFAULT_PROJECT_COLOURS,
  DEFAULT_STRENGTH,
  MAX_COORDINATE,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_THEME_LENGTH,
  MAX_THEMES,
} from './board/schema.ts';
export { readBoard } from './board/read.ts';
export { observeBoard } from './board/observe.ts';
export { createUndoManager, UNDO_CAPTURE_TIMEOUT_MS } from './board/undo.ts';
export {
  entityKind,
  isNodeId,
  nodeKind,
  nodePosition,
  projectsOf,
  relationshipsOf,
} from './board/queries.ts';
export {
  addOrganisation,
  addPerson,
  moveNodes,
  updateOrganisation,
  updatePerson,
  type NewOrganisation,
  type NewPerson,
  type OrganisationPatch,
  type PersonPatch,
} from './board/commands/nodes.ts';
export {
  addProject,
  addToProject,
  removeFromProject,
  updateProject,
  type NewProject,
  type ProjectPatch,
} from './board/commands/projects.ts';
export {
  connect,
  setStrength,
  updateRelationship,
  type NewRelationship,
  type RelationshipPatch,
} from './board/commands/relationships.ts';
export { deleteEntities } from './board/commands/deleteEntities.ts';
