import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { MAX_PRESENCE_NAME_LENGTH, isHexColour } from '@interplay/shared';

/** How this person appears to the others: awareness `user`. */
export interface UserIdentity {
  name: string;
  colour: string;
}

const STORAGE_KEY = 'interplay.user';

/**
 * Colours that stay readable on white and as cursor labels with white text, each of a clearly different hue
 * or lightness from the others, so two people on a board are never told apart by a shade.
 */
export const userColours: readonly string[] = [
  '#1f6fd1', // blue
  '#c2410c', // orange
  '#15803d', // green
  '#7e22ce', // purple
  '#be185d', // pink
  '#0e7490', // teal
  '#78350f', // brown
  '#b91c1c', // red
  '#4b5563', // grey
  '#4d7c0f', // olive
];

/**
 * The colour this page shows itself in on a board: its own, unless someone who was there first (a lower
 * client id; the same rule on every page, so only one of two gives way) has it. Then the first colour of
 * the palette nobody else has; its own when every one is taken.
 */
export function colourOnBoard(
  own: string,
  selfId: number,
  others: readonly { readonly clientId: number; readonly colour: string }[],
): string {
  if (!others.some((o) => o.colour === own && o.clientId < selfId)) return own;
  const taken = new Set(others.map((o) => o.colour));
  return userColours.find((c) => !taken.has(c)) ?? own;
}

export function randomColour(): string {
  return userColours[Math.floor(Math.random() * userColours.length)] ?? '#1f6fd1';
}

/** Trims and shortens a typed name; empty means "no name yet". */
export function cleanName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_PRESENCE_NAME_LENGTH);
}

function load(): { name: string | null; colour: string } {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof parsed === 'object' && parsed !== null) {
      const { name, colour } = parsed as Record<string, unknown>;
      const cleaned = typeof name === 'string' ? cleanName(name) : '';
      const validColour = isHexColour(colour) ? colour : randomColour();
      return { name: cleaned === '' ? null : cleaned, colour: validColour };
    }
  } catch {
    // Unreadable or unavailable storage: start fresh.
  }
  return { name: null, colour: randomColour() };
}

interface IdentityState {
  /** Null until the person has entered a name. */
  name: string | null;
  colour: string;
}

export const identityStore = createStore<IdentityState>(() => load());

/** Sets and remembers this browser's display name and colour. */
export function saveIdentity(identity: UserIdentity): void {
  const next = { name: cleanName(identity.name) || null, colour: identity.colour };
  identityStore.setState(next);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Not remembered across visits, but used for this one.
  }
}

const selectIdentity = (state: IdentityState): IdentityState => state;

export function useIdentity(): IdentityState {
  return useStore(identityStore, selectIdentity);
}
