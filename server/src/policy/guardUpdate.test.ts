/**
 * The guard on one room document, in process: what a participant's update keeps and what the server
 * reverts, and that the sender's copy converges by ordinary sync (no discarding).
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addThread,
  deleteEntities,
  deleteThread,
  DEFAULT_SETTINGS,
  moveNodes,
  readBoard,
  resolveThread,
  setPhase,
  addPerson,
  updateOrganisation,
  createUndoManager,
  purgePerson,
} from '@interplay/shared';
import type { BoardRole, BoardSettings, OrganisationId } from '@interplay/shared';
import { applyGuarded } from './guardUpdate.ts';

const author = { name: 'Ann', colour: '#336699' };

/** A room with two organisations, and a participant's copy of it. */
function setUp() {
  const room = new Y.Doc();
  const a = addOrganisation(room, {
    name: 'Gemeente Leiden',
    sector: 'municipality',
    position: { x: 0, y: 0 },
  });
  const b = addOrganisation(room, { name: 'ROC Mondriaan', sector: 'education', position: { x: 300, y: 0 } });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  return { room, client, a, b };
}

/** Everything the client did since it last synced, as one update (as y-websocket sends on reconnect). */
function offlineEdits(room: Y.Doc, client: Y.Doc, edit: () => void): Uint8Array {
  edit();
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(room));
}

/** Applies through the guard and syncs the room back into the client, as the server's relay does. */
function guard(
  room: Y.Doc,
  client: Y.Doc,
  update: Uint8Array,
  settings: BoardSettings,
  role: BoardRole = 'editor',
) {
  const clients = [...new Set(Y.decodeUpdate(update).structs.map((s) => s.id.client))];
  const refused = applyGuarded(room, update, 'client', role, settings, clients);
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room, Y.encodeStateVector(client)));
  return refused;
}

function sameBoard(x: Y.Doc, y: Y.Doc): void {
  expect(JSON.stringify(readBoard(x))).toBe(JSON.stringify(readBoard(y)));
}

const layoutLocked = { ...DEFAULT_SETTINGS, layoutLocked: true };
const boardLocked = { ...DEFAULT_SETTINGS, boardLocked: true };

describe('the guard keeps what is allowed and reverts only what is not', () => {
  it('offline under a layout lock: the rename, the new organisation and the comment stay; only the move goes back', () => {
    const { room, client, a, b } = setUp();
    let c = '' as OrganisationId;
    let thread = '';
    const update = offlineEdits(room, client, () => {
      updateOrganisation(client, a, { name: 'Gemeente Leiden (Sleutelstad)' });
      c = addOrganisation(client, { name: 'De Sleutels', sector: 'welfare', position: { x: 50, y: 400 } });
      thread = addThread(client, { target: a, author, text: 'We never talk to them' });
      moveNodes(client, [{ id: b, position: { x: 999, y: 999 } }]);
    });
    const roomClient = room.clientID;
    const refused = guard(room, client, update, layoutLocked);
    // The revert is the room's own edit under its own client id, which stays the same.
    expect(room.clientID).toBe(roomClient);
    expect(refused).toEqual([
      { action: 'move', subject: 'organisation', reason: 'layoutLocked', id: b, name: 'ROC Mondriaan' },
    ]);
    const board = readBoard(room);
    expect(board.organisations.get(a)?.name).toBe('Gemeente Leiden (Sleutelstad)');
    expect(board.organisations.has(c)).toBe(true);
    expect(board.annotations.has(thread as never)).toBe(true);
    expect(board.organisations.get(b)?.position).toEqual({ x: 300, y: 0 });
    sameBoard(room, client);
  });

  it('resolving a thread someone else deleted meanwhile loses none of the other offline edits', () => {
    const { room, client, a } = setUp();
    const thread = addThread(room, { target: a, author, text: 'Open question' });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room, Y.encodeStateVector(client)));
    deleteThread(room, thread);
    let c = '' as OrganisationId;
    let note = '';
    const update = offlineEdits(room, client, () => {
      resolveThread(client, thread, author);
      c = addOrganisation(client, {
        name: 'GGZ Rivierduinen',
        sector: 'mentalHealth',
        position: { x: 9, y: 9 },
      });
      note = addThread(client, { target: a, author, text: 'Elsewhere' });
    });
    expect(guard(room, client, update, DEFAULT_SETTINGS)).toEqual([]);
    expect(readBoard(room).organisations.has(c)).toBe(true);
    expect(readBoard(room).annotations.has(note as never)).toBe(true);
    sameBoard(room, client);
  });

  it('deleting an organisation under a layout lock is an edit, not a move: it is applied', () => {
    const { room, client, a } = setUp();
    const update = offlineEdits(room, client, () => deleteEntities(client, [a]));
    expect(guard(room, client, update, layoutLocked)).toEqual([]);
    expect(readBoard(room).organisations.has(a)).toBe(false);
  });

  it('a delete under a board lock is put back with everything it held; the comment beside it stays', () => {
    const { room, client, a } = setUp();
    const before = readBoard(room).organisations.get(a);
    let thread = '';
    const update = offlineEdits(room, client, () => {
      deleteEntities(client, [a]);
      thread = addThread(client, { position: { x: 5, y: 5 }, author, text: 'A note on the map' });
    });
    const refused = guard(room, client, update, boardLocked);
    expect(refused).toEqual([
      { action: 'delete', subject: 'organisation', reason: 'boardLocked', id: a, name: 'Gemeente Leiden' },
    ]);
    expect(readBoard(room).organisations.get(a)).toEqual(before);
    expect(readBoard(room).annotations.has(thread as never)).toBe(true);
    sameBoard(room, client);
  });

  it('in the organisations phase a new person is removed, the new organisation in the same update stays', () => {
    const { room, client, a } = setUp();
    setPhase(room, 'organisations');
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room, Y.encodeStateVector(client)));
    let c = '' as OrganisationId;
    const update = offlineEdits(room, client, () => {
      addPerson(client, { name: 'Piet', organisationId: a, position: { x: 1, y: 1 } });
      c = addOrganisation(client, { name: 'Woonstichting', sector: 'housing', position: { x: 2, y: 2 } });
    });
    const settings = { ...DEFAULT_SETTINGS, phase: 'organisations' as const };
    expect(guard(room, client, update, settings).map((r) => `${r.action} ${r.subject} ${r.name}`)).toEqual([
      'add person Piet',
    ]);
    expect(readBoard(room).people.size).toBe(0);
    expect(readBoard(room).organisations.has(c)).toBe(true);
    sameBoard(room, client);
  });

  it('a participant’s settings change is reverted; the content of reverted additions is not in the stored update', () => {
    const { room, client } = setUp();
    const stored: Uint8Array[] = [];
    room.on('update', (u: Uint8Array) => stored.push(u));
    const update = offlineEdits(room, client, () => {
      setPhase(client, 'scoring');
      addOrganisation(client, { name: 'Secret Org', sector: 'other', position: { x: 0, y: 0 } });
    });
    const refused = guard(room, client, update, { ...DEFAULT_SETTINGS, phase: 'people' });
    expect(refused.map((r) => r.action).sort()).toEqual(['add', 'settings']);
    expect(readBoard(room).settings.phase).toBe('open');
    expect(Buffer.from(stored[0]!).includes('Secret Org')).toBe(false);
    expect(Buffer.from(stored[0]!).includes('scoring')).toBe(false);
    sameBoard(room, client);
  });
});

describe('a person removed for good', () => {
  it('is not brought back by anyone, the facilitator included, and their relationships with them neither', () => {
    const { room, client, a } = setUp();
    const person = addPerson(room, { name: 'Geertruida', organisationId: a, position: { x: 0, y: 120 } });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room, Y.encodeStateVector(client)));
    const undo = createUndoManager(client);
    deleteEntities(client, [person]);
    Y.applyUpdate(room, Y.encodeStateAsUpdate(client, Y.encodeStateVector(room)));
    purgePerson(room, person, 'server');
    // The client was away for the purge; it undoes its delete.
    const update = offlineEdits(room, client, () => undo.undo());
    expect(readBoard(client).people.has(person)).toBe(true);
    for (const role of ['facilitator', 'editor'] as const) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room));
      const mirror = new Y.Doc();
      Y.applyUpdate(mirror, Y.encodeStateAsUpdate(client));
      const refused = guard(copy, mirror, update, DEFAULT_SETTINGS, role);
      expect(refused).toEqual([{ action: 'add', subject: 'person', reason: 'purged', id: person }]);
      expect(readBoard(copy).people.has(person)).toBe(false);
      expect(readBoard(mirror).people.has(person)).toBe(false);
      sameBoard(copy, mirror);
    }
  });
});
