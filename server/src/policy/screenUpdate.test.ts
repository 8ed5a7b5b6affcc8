/**
 * Which deletes `screenUpdate` keeps. Each case was found by the sync fuzz (test/fuzz): a viewer's sync
 * step 2 carries its whole delete set, in ranges Yjs merges across neighbouring clocks; a page that
 * reconnects sends its next edit before its sync step 2, ahead of the offline edits that edit may delete;
 * and a page that reloaded keeps those offline edits under its old client id.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addThread,
  deleteEntities,
  deleteThread,
  localOrigin,
  moveNodes,
  readBoard,
} from '@interplay/shared';
import { slotMeaning } from '@interplay/shared/board/changeRules';
import { screenUpdate } from './screenUpdate.ts';

const author = { name: 'Ann', colour: '#336699' };
const isCommentRoot = (root: string): boolean => slotMeaning(root, []).area === 'annotations';

/** Everything `to` lacks from `from`, as a sync step 2 (with `from`'s whole delete set). */
function syncStep2(from: Y.Doc, to: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(from, Y.encodeStateVector(to));
}

/** A room where a participant wrote an organisation and, on the very next clocks, a thread; and a viewer's copy. */
function setUp() {
  const room = new Y.Doc();
  const participant = new Y.Doc();
  const org = addOrganisation(participant, {
    name: 'Gemeente',
    sector: 'municipality',
    position: { x: 0, y: 0 },
  });
  const thread = addThread(participant, { position: { x: 10, y: 10 }, author, text: 'note' });
  Y.applyUpdate(room, syncStep2(participant, room));
  const viewer = new Y.Doc();
  Y.applyUpdate(viewer, syncStep2(room, viewer));
  return { room, participant, viewer, org, thread };
}

describe('screenUpdate, deletes of a viewer while viewers may comment', () => {
  it('keeps a comment deleted offline whose delete range also covers something deleted long ago', () => {
    const { room, viewer, org, thread } = setUp();
    // Someone moves the organisation: its old position, the clock just before the thread's, is deleted.
    const mover = new Y.Doc();
    Y.applyUpdate(mover, syncStep2(room, mover));
    moveNodes(mover, [{ id: org, position: { x: 50, y: 50 } }]);
    Y.applyUpdate(room, syncStep2(mover, room));
    Y.applyUpdate(viewer, syncStep2(room, viewer));
    deleteThread(viewer, thread);

    const screened = screenUpdate(room, syncStep2(viewer, room), 'viewer-device', new Map(), isCommentRoot);
    expect(screened.forgedDeletes).toBe(0);
    Y.applyUpdate(room, screened.update);
    expect(readBoard(room).annotations.has(thread)).toBe(false);
  });

  it('still drops a delete of an organisation that is there', () => {
    const { room, viewer, org } = setUp();
    deleteEntities(viewer, [org]);

    const screened = screenUpdate(room, syncStep2(viewer, room), 'viewer-device', new Map(), isCommentRoot);
    expect(screened.forgedDeletes).toBeGreaterThan(0);
    Y.applyUpdate(room, screened.update);
    expect(readBoard(room).organisations.has(org)).toBe(true);
  });
});

describe('screenUpdate, a reconnecting page whose next edit arrives before its offline edits', () => {
  it('holds the edit with its deletes of what was made offline, and applies both once those arrive', () => {
    const { room, participant } = setUp();
    const sent: Uint8Array[] = [];
    participant.on('update', (update: Uint8Array) => sent.push(update));
    // Offline: a new organisation. Back online, before its sync step 2: delete it (and add another).
    const offline = addOrganisation(participant, {
      name: 'Offline',
      sector: 'care',
      position: { x: 5, y: 5 },
    });
    participant.transact(() => {
      deleteEntities(participant, [offline]);
      addOrganisation(participant, { name: 'Later', sector: 'care', position: { x: 9, y: 9 } });
    }, localOrigin);
    const [offlineEdit, nextEdit] = sent as [Uint8Array, Uint8Array];

    const early = screenUpdate(room, nextEdit, 'device', new Map());
    expect(early.unresolved).toBe(true);
    expect(early.forgedDeletes).toBe(0);
    // What the room's intake does when the missing edit comes in: merge it with what waited, screen, apply.
    const merged = screenUpdate(room, Y.mergeUpdates([early.update, offlineEdit]), 'device', new Map());
    expect(merged.unresolved).toBe(false);
    Y.applyUpdate(room, merged.update);
    expect(readBoard(room).organisations.has(offline)).toBe(false);
    expect(JSON.stringify(readBoard(room))).toBe(JSON.stringify(readBoard(participant)));
  });
});

/**
 * The page reloads from its local copy (a new document, so a new client id, in the same browser) and deletes
 * `id`: the update that deletion sends.
 */
function reloadAndDelete(participant: Y.Doc, id: string): Uint8Array {
  const reloaded = new Y.Doc();
  Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(participant));
  const sent: Uint8Array[] = [];
  reloaded.on('update', (update: Uint8Array) => sent.push(update));
  deleteEntities(reloaded, [id]);
  return sent[0]!;
}

describe('screenUpdate, a page that reloaded with offline edits under its old client id', () => {
  it('holds its next edit, which deletes one of them, until they arrive', () => {
    const { room, participant } = setUp();
    // The participant's id is the device's: the room applied its first edits.
    const owners = new Map([[participant.clientID, 'device']]);
    const offline = addOrganisation(participant, {
      name: 'Offline',
      sector: 'care',
      position: { x: 5, y: 5 },
    });
    const offlineEdits = syncStep2(participant, room);

    const early = screenUpdate(room, reloadAndDelete(participant, offline), 'device', owners);
    expect(early.forgedDeletes).toBe(0);
    expect(early.unresolved).toBe(true);
    const merged = screenUpdate(room, Y.mergeUpdates([early.update, offlineEdits]), 'device', owners);
    expect(merged.unresolved).toBe(false);
    Y.applyUpdate(room, merged.update);
    expect(readBoard(room).organisations.has(offline)).toBe(false);
  });

  it('still drops a delete of clocks nobody has written under another browser’s client id', () => {
    const { room, participant } = setUp();
    const owners = new Map([[participant.clientID, 'someone else']]);
    const offline = addOrganisation(participant, {
      name: 'Offline',
      sector: 'care',
      position: { x: 5, y: 5 },
    });

    const screened = screenUpdate(room, reloadAndDelete(participant, offline), 'device', owners);
    expect(screened.forgedDeletes).toBeGreaterThan(0);
    expect(screened.unresolved).toBe(false);
  });
});
