/**
 * The intake in front of a room's document: nobody writes under another browser's client ids, nobody
 * deletes clocks that nobody wrote yet, and an update waits for what it depends on.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { UpdateIntake } from './UpdateIntake.ts';
import { encodeUpdate } from '@interplay/shared/sync/encodeUpdate';

const victim = { device: 'device:victim' };
const attacker = { device: 'device:attacker' };

function take(room: Y.Doc, intake: UpdateIntake, member: { device: string }, update: Uint8Array): boolean {
  const result = intake.take(room, member, update);
  if (result.kind === 'apply') Y.applyUpdate(room, result.update);
  return result.kind === 'apply';
}

describe('UpdateIntake', () => {
  it('refuses structs under a client id another device introduced, and keeps the owner’s own later structs', () => {
    const room = new Y.Doc();
    const intake = new UpdateIntake(new Map());
    const victimDoc = new Y.Doc();
    victimDoc.getMap('organisations').set('a', 'first');
    take(room, intake, victim, Y.encodeStateAsUpdate(victimDoc));
    // The attacker writes at the victim's next clock, before the victim's offline edit arrives.
    const forgedDoc = new Y.Doc();
    Y.applyUpdate(forgedDoc, Y.encodeStateAsUpdate(room));
    forgedDoc.clientID = victimDoc.clientID;
    forgedDoc.getMap('organisations').set('a', 'forged');
    const forged = intake.take(room, attacker, Y.encodeStateAsUpdate(forgedDoc, Y.encodeStateVector(room)));
    expect(forged.screened.forgedClients).toEqual([victimDoc.clientID]);
    // What is left is an ordinary delete of the value, which a participant may make.
    if (forged.kind === 'apply') Y.applyUpdate(room, forged.update);
    expect(room.getMap('organisations').get('a')).toBeUndefined();
    victimDoc.getMap('organisations').set('a', 'offline edit');
    expect(take(room, intake, victim, Y.encodeStateAsUpdate(victimDoc, Y.encodeStateVector(room)))).toBe(
      true,
    );
    expect(room.getMap('organisations').get('a')).toBe('offline edit');
    expect(intake.drainClaims()).toEqual([[victimDoc.clientID, 'device:victim']]);
  });

  it('drops a delete of clocks nobody has written yet, so it cannot erase the owner’s offline edits later', () => {
    const room = new Y.Doc();
    const intake = new UpdateIntake(new Map());
    const victimDoc = new Y.Doc();
    victimDoc.getMap('organisations').set('a', 1);
    take(room, intake, victim, Y.encodeStateAsUpdate(victimDoc));
    const next = Y.getState(victimDoc.store, victimDoc.clientID);
    // 21 bytes or so: no structs, one delete range at the victim's next clocks.
    const forged = encodeUpdate([], new Map([[victimDoc.clientID, [{ clock: next, len: 10 }]]]));
    const result = intake.take(room, attacker, forged);
    expect(result.screened.forgedDeletes).toBe(1);
    expect(result.kind).toBe('nothing');
    victimDoc.getMap('organisations').set('b', 2);
    victimDoc.getMap('organisations').set('c', 3);
    take(room, intake, victim, Y.encodeStateAsUpdate(victimDoc, Y.encodeStateVector(room)));
    expect(room.getMap('organisations').toJSON()).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('holds an update that depends on data not here yet, and applies both once it comes', () => {
    const room = new Y.Doc();
    const intake = new UpdateIntake(new Map());
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('organisations').set('a', 1);
    doc.getMap('organisations').set('b', 2);
    expect(intake.take(room, victim, updates[1]!).kind).toBe('held');
    expect(room.getMap('organisations').size).toBe(0);
    expect(take(room, intake, victim, updates[0]!)).toBe(true);
    expect(room.getMap('organisations').toJSON()).toEqual({ a: 1, b: 2 });
    // Yjs itself never parks anything in the room's document.
    expect(room.store.pendingStructs).toBeNull();
  });

  it('the room’s own client id is the server’s: no device may write under it', () => {
    const room = new Y.Doc();
    const intake = new UpdateIntake(new Map());
    intake.claimForServer(room.clientID);
    const forgedDoc = new Y.Doc();
    forgedDoc.clientID = room.clientID;
    forgedDoc.getMap('settings').set('boardLocked', true);
    const result = intake.take(room, attacker, Y.encodeStateAsUpdate(forgedDoc));
    expect(result.screened.forgedClients).toEqual([room.clientID]);
  });
});
