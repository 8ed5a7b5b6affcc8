const STORAGE_KEY = 'interplay.device';
/** What the server accepts as a device id (the `device` query parameter of the sync socket). */
const DEVICE_ID = /^[A-Za-z0-9_-]{22,64}$/;
/** 16 random bytes: 128 bits, 22 characters of base64url. */
const RANDOM_BYTES = 16;

/** The parts of `Storage` this module uses, so tests can pass their own. */
export type DeviceStorage = Pick<Storage, 'getItem' | 'setItem'>;

let cached: string | null = null;

/** A fresh random id in base64url without padding. */
export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(RANDOM_BYTES));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function browserStorage(): DeviceStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Reading `localStorage` itself throws where storage is blocked.
    return null;
  }
}

/**
 * The device id kept in `storage`, or a new one stored there. Storage that is missing or throws gives a
 * new id each call; `deviceId` keeps the first for the page's lifetime.
 */
export function readDeviceId(storage: DeviceStorage | null): string {
  try {
    const stored = storage?.getItem(STORAGE_KEY) ?? null;
    if (stored !== null && DEVICE_ID.test(stored)) return stored;
  } catch {
    // Storage present but refusing (privacy mode): fall through to a new id.
  }
  const id = newDeviceId();
  try {
    storage?.setItem(STORAGE_KEY, id);
  } catch {
    // Not remembered across visits.
  }
  return id;
}

/**
 * This browser's device id, sent with every sync connection. The server remembers which device introduced
 * which Yjs client ids, so edits this browser made offline under an earlier client id (kept in IndexedDB,
 * resent after a reload) are accepted as this browser's own, and no other browser can write under those ids.
 * Kept in localStorage beside the local copy it vouches for; without storage, an id for this page only.
 */
export function deviceId(): string {
  cached ??= readDeviceId(browserStorage());
  return cached;
}
