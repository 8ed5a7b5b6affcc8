import { describe, expect, it } from 'vitest';
import {
  ATTEMPTS_BEFORE_OFFLINE,
  closedReasonFor,
  deriveStatus,
  type ConnectionFacts,
} from './connectionStatus.ts';

const base: ConnectionFacts = {
  browserOnline: true,
  socketOpen: false,
  everConnected: false,
  failedAttempts: 0,
  closedReason: null,
};

describe('deriveStatus', () => {
  it('is connecting before the first connection and connected once open', () => {
    expect(deriveStatus(base)).toBe('connecting');
    expect(deriveStatus({ ...base, socketOpen: true, everConnected: true })).toBe('connected');
  });

  it('is reconnecting after a drop, and offline after repeated failures', () => {
    const dropped = { ...base, everConnected: true, failedAttempts: 1 };
    expect(deriveStatus(dropped)).toBe('reconnecting');
    expect(deriveStatus({ ...dropped, failedAttempts: ATTEMPTS_BEFORE_OFFLINE })).toBe('offline');
    expect(deriveStatus({ ...base, failedAttempts: ATTEMPTS_BEFORE_OFFLINE })).toBe('offline');
  });

  it('trusts the browser when it says it is offline', () => {
    expect(deriveStatus({ ...base, browserOnline: false, everConnected: true })).toBe('offline');
  });

  it('stays closed once the server refused the link for good', () => {
    expect(deriveStatus({ ...base, socketOpen: true, closedReason: 'keyRenewed' })).toBe('closed');
  });
});

describe('closedReasonFor', () => {
  it('maps the server refusal codes and lets everything else reconnect', () => {
    expect(closedReasonFor(4003)).toBe('keyRenewed');
    expect(closedReasonFor(4004)).toBe('boardGone');
    expect(closedReasonFor(4000)).toBe('badLink');
    expect(closedReasonFor(4413)).toBe('boardFull');
    expect(closedReasonFor(4529)).toBeNull();
    expect(closedReasonFor(1012)).toBeNull();
    expect(closedReasonFor(1006)).toBeNull();
    expect(closedReasonFor(1009)).toBeNull();
  });
});
