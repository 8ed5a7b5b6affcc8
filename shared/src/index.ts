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
export { isGeneratedIdFormat, randomUuid } from './board/ids.ts';
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

// Facilitation: settings, permissions, annotations, health checks, give and take.
export {
  DEFAULT_STALE_AFTER_DAYS,
  MAX_AUTHOR_NAME_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_STALE_AFTER_DAYS,
} from './board/schema.ts';
export { EMPTY_BOARD } from './board/read.ts';
export { DEFAULT_SETTINGS, EMPTY_GIVE_TAKE } from './board/repairFacilitation.ts';
export {
  readSettings,
  setBoardLocked,
  setLayoutLocked,
  setPhase,
  setStaleAfterDays,
  setViewersMayComment,
  updateSettings,
  type SettingsPatch,
} from './board/commands/settings.ts';
export {
  ADDABLE_KINDS,
  BOARD_ROLES,
  PHASE_ADDS,
  permissionsFor,
  refusalReason,
  type AddableKind,
  type BoardRole,
  type Permissions,
  type RefusalReason,
} from './board/permissions.ts';
export {
  addThread,
  deleteThread,
  editMessage,
  moveNote,
  reopenThread,
  replyToThread,
  resolveThread,
  type NewReply,
  type NewThread,
} from './board/commands/annotations.ts';
export { clearHealthScore, scoreHealth, type Scorer } from './board/commands/health.ts';
export { setGiveTake } from './board/commands/giveTake.ts';
export {
  healthSummary,
  isStale,
  maintenanceStatus,
  todayIso,
  type DimensionSummary,
  type HealthSummary,
} from './board/healthSummary.ts';
export {
  GIVE_TAKE_WEIGHTS,
  giveTakeBalance,
  giveTakeOf,
  type GiveTakeBalance,
} from './board/giveTakeBalance.ts';

// What the server tells a page about the part of an update it reverted.
export {
  encodeRefusal,
  MAX_LISTED_CHANGES,
  parseRefusal,
  REFUSED_ACTIONS,
  REFUSED_SUBJECTS,
  type RefusalNotice,
  type RefusedAction,
  type RefusedChange,
  type RefusedSubject,
} from './sync/refusal.ts';
export { PRESENCE_FACILITATION_FIELD, PRESENCE_USER_FIELD, stampPresence } from './sync/presenceStamp.ts';
