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
 * Pleasant, distinct colours that stay readable on white and as cursor labels
 * with white text.
 */
export const userColours: readonly string[] = [
  '#1f6fd1',
  '#c2410c',
  '#15803d',
  '#9333ea',
  '#be185d',
  '#0e7490',
  '#a16207',
  '#4338ca',
  '#b91c1c',
  '#047857',
];

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
