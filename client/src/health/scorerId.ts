const STORAGE_KEY = 'interplay.scorerId';

function newId(): string {
  // randomUUID needs a secure context; a board opened over plain http on a LAN address is not one.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

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
  cached = newId();
  try {
    localStorage.setItem(STORAGE_KEY, cached);
  } catch {
    // Not remembered across visits.
  }
  return cached;
}
