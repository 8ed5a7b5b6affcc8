export * from './board/types.ts';
export {
  BOARD_SCHEMA_VERSION,
  ENTITY_KINDS,
  localOrigin,
  storedSchemaVersion,
  type EntityKind,
} from './board/document.ts';
export { migrateBoard, type MigrationResult } from './board/migrations.ts';
export { newBoardState } from './board/newBoardState.ts';
export {
  DEFAULT_STRENGTH,
  MAX_COORDINATE,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_THEME_LENGTH,
  MAX_THEMES,
  isHexColour,
} from './board/records/fields.ts';
export { DEFAULT_PROJECT_COLOURS } from './board/records/project.ts';
export { MAX_ID_LENGTH, isGeneratedIdFormat, randomUuid } from './board/ids.ts';
export { readBoard } from './board/read.ts';
export { observeBoard } from './board/observe.ts';
export {
  beginUndoGesture,
  createUndoManager,
  endUndoGesture,
  UNDO_CAPTURE_TIMEOUT_MS,
} from './board/undo.ts';
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
  reverseRelationship,
  setStrength,
  updateRelationship,
  type NewRelationship,
  type RelationshipPatch,
} from './board/commands/relationships.ts';
export { deleteEntities } from './board/commands/deleteEntities.ts';
export { purgePerson } from './board/commands/purgePerson.ts';
export { onPurge } from './board/document.ts';

// Facilitation: settings, permissions, annotations, health checks, give and take.
export {
  DEFAULT_SETTINGS,
  DEFAULT_STALE_AFTER_DAYS,
  MAX_STALE_AFTER_DAYS,
} from './board/records/settings.ts';
export { MAX_AUTHOR_NAME_LENGTH, MAX_MESSAGE_LENGTH } from './board/records/thread.ts';
export { EMPTY_GIVE_TAKE } from './board/records/giveTake.ts';
export { EMPTY_BOARD } from './board/read.ts';
export {
  observeSettings,
  readSettings,
  setBoardLocked,
  setLayoutLocked,
  setPhase,
  setStaleAfterDays,
  setViewersMayComment,
  updateSettings,
  type SettingsPatch,
} from './board/commands/settings.ts';
export { BOARD_ROLES, isBoardRole, isReadOnlyRole, type BoardRole } from './board/roles.ts';
export {
  ADDABLE_KINDS,
  PHASE_ADDS,
  permissionsFor,
  refusalReason,
  type AddableKind,
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

// Presence (awareness): its fields, limits, readers, and the server's stamp.
export {
  FALLBACK_PRESENCE_COLOUR,
  MAX_PRESENCE_NAME_LENGTH,
  anonymisePresence,
  PRESENCE_FIELDS,
  publishPresence,
  readFacilitationPresence,
  readPresenceCursor,
  readPresenceSelection,
  readPresenceUser,
  stampPresence,
  type FacilitationPresence,
  type FlowViewport,
  type PresenceCursor,
  type PresenceField,
  type PresenceUser,
  type PresenceValues,
  type PresenceWriter,
} from './sync/presence.ts';
export {
  MAINTENANCE_STATES,
  readSharedView,
  themeKey,
  type MaintenanceState,
  type SharedView,
  type ViewFilters,
} from './sync/sharedView.ts';
export {
  ANONYMOUS_AUTHOR,
  ENGLISH_ANONYMOUS_WORDS,
  anonymiseBoard,
  anonymousPersonLabel,
  labelPeople,
  nameScrubber,
  namesOnBoard,
  type AnonymousWords,
} from './board/anonymise.ts';
export { watchNames } from './board/namesSeen.ts';
