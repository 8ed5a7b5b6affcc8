import { randomUuid } from '@interplay/shared';

const STORAGE_KEY = 'interplay.scorerId';

let cached: string | null = null;

/**
 * This browser's stable scorer id for health checks: one participant, one
 * score per dimension, across reloads. Kept in localStorage; never contains `/`
 * (the model keys scores as `<relationship>/<scorer>`).
 */
export function scorerId(): string {
  if (cached) return cached;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && /^[0-9a-z-]{8,64}$/i.test(stored)) {
      cached = stored;
      return stored;
    }
  } catch {
    // No storage (privacy mode): an id for this page only.
  }
  cached = randomUuid();
  try {
    localStorage.setItem(STORAGE_KEY, cached);
  } catch {
    // Not remembered across visits.
  }
  return cached;
}
