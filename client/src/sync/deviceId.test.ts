import { describe, expect, it } from 'vitest';
import { deviceId, newDeviceId, readDeviceId, type DeviceStorage } from './deviceId.ts';

const SERVER_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

function memoryStorage(initial: Record<string, string> = {}): DeviceStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('device id', () => {
  it('is 22 characters of base64url, as the server accepts, and differs each time', () => {
    const ids = new Set(Array.from({ length: 200 }, newDeviceId));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(id).toHaveLength(22);
      expect(id).toMatch(SERVER_PATTERN);
    }
  });

  it('is created once and then read back from storage', () => {
    const storage = memoryStorage();
    const first = readDeviceId(storage);
    expect(storage.items.get('interplay.device')).toBe(first);
    expect(readDeviceId(storage)).toBe(first);
  });

  it('replaces a stored value the server would refuse', () => {
    const storage = memoryStorage({ 'interplay.device': 'short' });
    const id = readDeviceId(storage);
    expect(id).toMatch(SERVER_PATTERN);
    expect(storage.items.get('interplay.device')).toBe(id);
  });

  it('still gives an id when storage is missing or throws', () => {
    expect(readDeviceId(null)).toMatch(SERVER_PATTERN);
    const blocked: DeviceStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readDeviceId(blocked)).toMatch(SERVER_PATTERN);
  });

  it('stays the same for the page when there is no storage to keep it in', () => {
    // The unit tests run in Node, which has no localStorage: the in-memory fallback.
    expect(deviceId()).toMatch(SERVER_PATTERN);
    expect(deviceId()).toBe(deviceId());
  });
});
