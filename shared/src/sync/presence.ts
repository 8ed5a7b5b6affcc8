/**
 * Presence (Yjs awareness): what each page publishes about its person beside the document, never stored.
 * This is the one module that knows its fields: pages write them with {@link publishPresence}, read
 * everyone's with the readers below (any client can send anything, so every reader validates), and the
 * server stamps every state it relays with {@link stampPresence}.
 *
 * Fields:
 * - `user`: name, colour, and the role the server stamps from the connection's key;
 * - `cursor`: the pointer in flow coordinates, or null off the map;
 * - `selection`: ids of the entities this person has selected;
 * - `facilitation`: follow, the viewport to follow, spotlight, "bring everyone here", a view shown to everyone;
 *   a facilitator's only.
 */
import { isHexColour } from '../board/records/fields.ts';
import { isBoardRole } from '../board/roles.ts';
import type { BoardRole } from '../board/roles.ts';
import { readSharedView } from './sharedView.ts';
import type { SharedView } from './sharedView.ts';

export const PRESENCE_FIELDS = {
  user: 'user',
  cursor: 'cursor',
  selection: 'selection',
  facilitation: 'facilitation',
} as const;
export type PresenceField = keyof typeof PRESENCE_FIELDS;

/** Longest display name shown; the name a person types is cut to this too. */
export const MAX_PRESENCE_NAME_LENGTH = 60;
/** A person whose colour is broken is drawn in this grey. */
export const FALLBACK_PRESENCE_COLOUR = '#6b7280';
const MAX_SELECTION = 500;
const MAX_SPOTLIGHT_IDS = 200;
const MAX_SPOTLIGHT_ID_LENGTH = 100;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 4;

/** Who a presence state belongs to. */
export interface PresenceUser {
  name: string;
  colour: string;
  /**
   * The connection's role as the server stamped it on the state it relayed (from the key, not from what the
   * page claimed); null when missing or unknown. Whom a page follows rests on this.
   */
  role: BoardRole | null;
  /**
   * Set instead of a name on the presence an anonymised view receives ({@link anonymisePresence}): the page
   * shows "Participant 3".
   */
  participant?: number;
}

export interface PresenceCursor {
  readonly x: number;
  readonly y: number;
}

/** The CENTRE of the facilitator's view in flow coordinates and the zoom, so screens of any size share a middle. */
export interface FlowViewport {
  x: number;
  y: number;
  zoom: number;
}

/** The facilitator's lead. Kept small: it is resent to everyone whenever any of their presence changes. */
export interface FacilitationPresence {
  follow: boolean;
  viewport: FlowViewport | null;
  spotlight: { ids: string[] } | null;
  summon: { viewport: FlowViewport; nonce: number } | null;
  /** A view of the map shown to everyone (filters, neighbourhood, highlight); absent when none. */
  view?: SharedView | null;
  /** Everyone's lines are coloured by health (the facilitator's choice); absent when not. */
  colourByHealth?: boolean;
}

/** What a page may publish in each field (null clears it). */
export interface PresenceValues {
  user: { name: string; colour: string; role: BoardRole };
  cursor: PresenceCursor | null;
  selection: readonly string[];
  facilitation: FacilitationPresence | null;
}

/** What presence is published through: y-protocols' `Awareness`. */
export interface PresenceWriter {
  setLocalStateField(field: string, value: unknown): void;
}

/** Publishes one field of this page's presence. */
export function publishPresence<F extends PresenceField>(
  awareness: PresenceWriter,
  field: F,
  value: PresenceValues[F],
): void {
  awareness.setLocalStateField(PRESENCE_FIELDS[field], value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldOf(state: unknown, field: PresenceField): unknown {
  return isRecord(state) ? state[PRESENCE_FIELDS[field]] : undefined;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The `user` of a presence state; null without a usable name. */
export function readPresenceUser(state: unknown): PresenceUser | null {
  const user = fieldOf(state, 'user');
  if (!isRecord(user)) return null;
  const { name, colour, role, participant } = user;
  if (name === '' && typeof participant === 'number' && Number.isInteger(participant) && participant > 0) {
    return {
      name: '',
      colour: isHexColour(colour) ? colour : FALLBACK_PRESENCE_COLOUR,
      role: isBoardRole(role) ? role : null,
      participant,
    };
  }
  if (typeof name !== 'string' || name.trim() === '') return null;
  return {
    name: name.trim().slice(0, MAX_PRESENCE_NAME_LENGTH),
    colour: isHexColour(colour) ? colour : FALLBACK_PRESENCE_COLOUR,
    role: isBoardRole(role) ? role : null,
  };
}

/** The cursor of a presence state; null when off the map or malformed. */
export function readPresenceCursor(state: unknown): PresenceCursor | null {
  const cursor = fieldOf(state, 'cursor');
  if (!isRecord(cursor) || !isFiniteNumber(cursor.x) || !isFiniteNumber(cursor.y)) return null;
  return { x: cursor.x, y: cursor.y };
}

/** The selected ids of a presence state (strings only, at most a few hundred). */
export function readPresenceSelection(state: unknown): string[] {
  const selection = fieldOf(state, 'selection');
  return Array.isArray(selection)
    ? selection.slice(0, MAX_SELECTION).filter((id): id is string => typeof id === 'string')
    : [];
}

function readViewport(value: unknown): FlowViewport | null {
  if (!isRecord(value)) return null;
  const { x, y, zoom } = value;
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(zoom) || zoom <= 0) return null;
  return { x, y, zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom)) };
}

function readSpotlightIds(value: unknown): string[] {
  if (!isRecord(value) || !Array.isArray(value.ids)) return [];
  return value.ids
    .filter(
      (id): id is string => typeof id === 'string' && id.length > 0 && id.length <= MAX_SPOTLIGHT_ID_LENGTH,
    )
    .slice(0, MAX_SPOTLIGHT_IDS);
}

/** The `facilitation` field of a presence state; null when absent. Whose it is, is the caller's check. */
export function readFacilitationPresence(state: unknown): FacilitationPresence | null {
  const value = fieldOf(state, 'facilitation');
  if (!isRecord(value)) return null;
  const spotlightIds = readSpotlightIds(value.spotlight);
  const summon = isRecord(value.summon) ? value.summon : null;
  const summonViewport = summon ? readViewport(summon.viewport) : null;
  const view = readSharedView(value.view);
  return {
    follow: value.follow === true,
    viewport: readViewport(value.viewport),
    spotlight: spotlightIds.length > 0 ? { ids: spotlightIds } : null,
    summon:
      summon && summonViewport && typeof summon.nonce === 'number'
        ? { viewport: summonViewport, nonce: summon.nonce }
        : null,
    ...(view ? { view } : {}),
    ...(value.colourByHealth === true ? { colourByHealth: true } : {}),
  };
}

/**
 * The server's stamp on a presence state, as others may see it: the role comes from the connection's key,
 * not from the page, and only a facilitator's state may carry `facilitation` (which other pages obey).
 * Undefined for a state that is not a presence at all (dropped); `null` (a page leaving) passes unchanged.
 */
export function stampPresence(state: unknown, role: BoardRole): Record<string, unknown> | null | undefined {
  if (state === null) return null;
  if (!isRecord(state)) return undefined;
  const user = fieldOf(state, 'user');
  const stamped: Record<string, unknown> = {
    ...state,
    [PRESENCE_FIELDS.user]: { ...(isRecord(user) ? user : {}), role },
  };
  if (role !== 'facilitator') delete stamped[PRESENCE_FIELDS.facilitation];
  return stamped;
}

/**
 * A presence state as the anonymised view may see it: the person is "participant `participant`" (a number
 * per board, never their name), and only the fields whose readers take ids, coordinates and the model's
 * words pass; anything else a page published could hold a name. Null (a page leaving) passes unchanged;
 * undefined for a state that is not a presence at all.
 */
export function anonymisePresence(
  state: unknown,
  participant: number,
  /** Whether a theme of a shared view's filter may reach the anonymised view (it holds no name). */
  themeShown: (theme: string) => boolean = () => true,
): Record<string, unknown> | null | undefined {
  if (state === null) return null;
  if (!isRecord(state)) return undefined;
  const user = readPresenceUser(state);
  const anonymised: Record<string, unknown> = {
    [PRESENCE_FIELDS.user]: {
      name: '',
      participant,
      colour: user?.colour ?? FALLBACK_PRESENCE_COLOUR,
      role: user?.role ?? null,
    },
    [PRESENCE_FIELDS.cursor]: readPresenceCursor(state),
    [PRESENCE_FIELDS.selection]: readPresenceSelection(state),
  };
  const facilitation = readFacilitationPresence(state);
  if (facilitation !== null) {
    // A theme filter is free text: one that holds a person's name is left out of the view shown.
    const view = facilitation.view;
    anonymised[PRESENCE_FIELDS.facilitation] = view
      ? {
          ...facilitation,
          view: { ...view, filters: { ...view.filters, themes: view.filters.themes.filter(themeShown) } },
        }
      : facilitation;
  }
  return anonymised;
}
