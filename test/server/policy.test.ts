/**
 * The server enforces locks, phases and roles on document updates: a page
 * that skips its own checks (here: raw y-websocket clients calling the model's
 * commands directly) cannot get a forbidden change applied, stored or relayed.
 */
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseRefusal,
  addOrganisation,
  addPerson,
  addThread,
  moveNodes,
  readBoard,
  readSettings,
  setBoardLocked,
  setLayoutLocked,
  setPhase,
  setViewersMayComment,
  updateOrganisation,
} from '@interplay/shared';
import type { OrganisationId } from '@interplay/shared';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { CreatedBoard, SyncClient } from '../support/syncClient.ts';

let server: ServerHandle;
const clients: SyncClient[] = [];
const author = { name: 'Ann', colour: '#336699' };

/** A synced client that records the reasons of "permission denied" messages it receives. */
async function join(boardId: string, key: string): Promise<SyncClient & { denied: string[] }> {
  const c = connectClient(server.wsUrl, boardId, key);
  clients.push(c);
  const denied: string[] = [];
  c.provider.messageHandlers[2] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
    denied.push(decoding.readVarString(decoder));
  };
  await c.whenSynced();
  return Object.assign(c, { denied });
}

/** The refused changes of the `index`th notice, as `action subject: reason`. */
function told(c: { denied: string[] }, index: number): string[] {
  const notice = parseRefusal(c.denied[index] ?? '');
  if (notice === null) throw new Error(`not a refusal notice: ${c.denied[index]}`);
  return notice.changes.map((change) => `${change.action} ${change.subject}: ${change.reason}`);
}

function leave(c: SyncClient): void {
  clients.splice(clients.indexOf(c), 1);
  c.destroy();
}

async function session(title: string) {
  const board = await createBoard(server.url, title);
  const facilitator = await join(board.id, board.keys.facilitator);
  const participant = await join(board.id, board.keys.edit);
  const observer = await join(board.id, board.keys.edit);
  const org = addOrganisation(facilitator.doc, {
    name: 'Gemeente',
    sector: 'municipality',
    position: { x: 0, y: 0 },
  });
  await waitFor(
    () => readBoard(participant.doc).organisations.has(org),
    'participant to get the organisation',
  );
  await waitFor(() => readBoard(observer.doc).organisations.has(org), 'observer to get the organisation');
  return { board, facilitator, participant, observer, org };
}

/** A fresh client's view of the server, after every earlier client left and the room was reloaded from storage. */
async function storedBoard(board: CreatedBoard) {
  for (const c of [...clients]) leave(c);
  await waitFor(
    () => server.logs.some((l) => l.includes('room unloaded') && l.includes(board.id)),
    'room unload',
  );
  const fresh = await join(board.id, board.keys.view);
  const snapshot = readBoard(fresh.doc);
  leave(fresh);
  return snapshot;
}

beforeAll(async () => {
  server = await startServer({ env: { ROOM_IDLE_MS: '0' } });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.cleanup();
});

describe('server policy', () => {
  it('layout lock: a participant’s forged move is refused (not relayed, not stored); the facilitator’s move and the participant’s later edits go through', async () => {
    const { board, facilitator, participant, observer, org } = await session('layout');
    setLayoutLocked(facilitator.doc, true);
    await waitFor(() => readSettings(participant.doc).layoutLocked, 'participant to see the lock');

    moveNodes(participant.doc, [{ id: org, position: { x: 500, y: 500 } }]);
    await waitFor(() => participant.denied.length === 1, 'participant to be told');
    expect(told(participant, 0)).toEqual(['move organisation: layoutLocked']);
    expect(parseRefusal(participant.denied[0]!)?.changes[0]?.name).toBe('Gemeente');
    // The sender's own copy is put back too, without discarding anything.
    await waitFor(
      () => readBoard(participant.doc).organisations.get(org)?.position.x === 0,
      'revert on sender',
    );
    // Later allowed edits of the same participant still arrive (its clock sequence stays whole).
    updateOrganisation(participant.doc, org, { notes: 'after the refused move' });
    const created = addOrganisation(participant.doc, {
      name: 'New',
      sector: 'care',
      position: { x: 900, y: 900 },
    });
    await waitFor(
      () => readBoard(observer.doc).organisations.has(created),
      'observer to get the new organisation',
    );
    const seen = readBoard(observer.doc).organisations.get(org)!;
    expect(seen.notes).toBe('after the refused move');
    expect(seen.position).toEqual({ x: 0, y: 0 });

    moveNodes(facilitator.doc, [{ id: org, position: { x: 10, y: 20 } }]);
    await waitFor(
      () => readBoard(observer.doc).organisations.get(org)?.position.x === 10,
      'observer to see the facilitator’s move',
    );
    expect(server.logs.some((l) => l.includes('update partly reverted') && l.includes('layoutLocked'))).toBe(
      true,
    );

    const stored = await storedBoard(board);
    expect(stored.organisations.get(org)?.position).toEqual({ x: 10, y: 20 });
    expect(stored.organisations.get(created)?.position).toEqual({ x: 900, y: 900 });
    expect(stored.organisations.get(org)?.notes).toBe('after the refused move');
  });

  it('board lock: a participant’s rename is refused, their comment is accepted; the facilitator still edits', async () => {
    const { board, facilitator, participant, observer, org } = await session('board');
    setBoardLocked(facilitator.doc, true);
    await waitFor(() => readSettings(participant.doc).boardLocked, 'participant to see the lock');

    updateOrganisation(participant.doc, org, { name: 'Hacked' });
    await waitFor(() => participant.denied.length === 1, 'participant to be told');
    expect(told(participant, 0)).toEqual(['edit organisation: boardLocked']);
    expect(parseRefusal(participant.denied[0]!)?.changes[0]?.name).toBe('Gemeente');
    const thread = addThread(participant.doc, { target: org, author, text: 'Why is this locked?' });
    await waitFor(() => readBoard(observer.doc).annotations.has(thread), 'observer to get the comment');
    expect(readBoard(observer.doc).organisations.get(org)?.name).toBe('Gemeente');

    updateOrganisation(facilitator.doc, org, { name: 'Gemeente Utrecht' });
    await waitFor(
      () => readBoard(observer.doc).organisations.get(org)?.name === 'Gemeente Utrecht',
      'rename',
    );

    const stored = await storedBoard(board);
    expect(stored.organisations.get(org)?.name).toBe('Gemeente Utrecht');
    expect(stored.annotations.get(thread)?.messages[0]?.text).toBe('Why is this locked?');
  });

  it('only the facilitator may change settings', async () => {
    const { board, facilitator, participant, observer } = await session('settings');
    setBoardLocked(participant.doc, true);
    setPhase(participant.doc, 'scoring');
    await waitFor(() => participant.denied.length === 2, 'participant to be told twice');
    expect([...told(participant, 0), ...told(participant, 1)]).toEqual([
      'settings settings: facilitatorOnly',
      'settings settings: facilitatorOnly',
    ]);
    setPhase(facilitator.doc, 'relationships');
    await waitFor(() => readSettings(observer.doc).phase === 'relationships', 'observer to get the phase');
    expect(readSettings(observer.doc).boardLocked).toBe(false);

    const stored = await storedBoard(board);
    expect(stored.settings.boardLocked).toBe(false);
    expect(stored.settings.phase).toBe('relationships');
  });

  it('phase: in the organisations phase a participant cannot add a person, but can add an organisation', async () => {
    const { facilitator, participant, observer, org } = await session('phase');
    setPhase(facilitator.doc, 'organisations');
    await waitFor(
      () => readSettings(participant.doc).phase === 'organisations',
      'participant to see the phase',
    );

    const person = addPerson(participant.doc, {
      name: 'Piet',
      organisationId: org,
      position: { x: 1, y: 1 },
    });
    await waitFor(() => participant.denied.length === 1, 'participant to be told');
    expect(told(participant, 0)).toEqual(['add person: phase']);
    expect(parseRefusal(participant.denied[0]!)?.changes[0]?.name).toBe('Piet');
    const other = addOrganisation(participant.doc, {
      name: 'Woonstichting',
      sector: 'housing',
      position: { x: 2, y: 2 },
    });
    await waitFor(
      () => readBoard(observer.doc).organisations.has(other as OrganisationId),
      'organisation to arrive',
    );
    expect(readBoard(observer.doc).people.has(person)).toBe(false);

    // The facilitator is not bound by the phase.
    const byFacilitator = addPerson(facilitator.doc, {
      name: 'Fien',
      organisationId: org,
      position: { x: 3, y: 3 },
    });
    await waitFor(() => readBoard(observer.doc).people.has(byFacilitator), 'facilitator’s person to arrive');
  });

  it('viewers may comment only when the facilitator allows it, and nothing else', async () => {
    const { board, facilitator, observer, org } = await session('viewers');
    const firstViewer = await join(board.id, board.keys.view);
    const refused = addThread(firstViewer.doc, { target: org, author, text: 'first try' });
    await waitFor(() => firstViewer.denied.length === 1, 'viewer to be told');
    expect(told(firstViewer, 0)).toEqual(['edit board: viewer']);
    // Nothing of it was applied in any form; a view-only page then reloads the board (it has nothing to keep).
    leave(firstViewer);
    const viewer = await join(board.id, board.keys.view);

    setViewersMayComment(facilitator.doc, true);
    await waitFor(() => readSettings(viewer.doc).viewersMayComment, 'viewer to see the permission');
    const allowed = addThread(viewer.doc, { target: org, author, text: 'now allowed' });
    await waitFor(() => readBoard(observer.doc).annotations.has(allowed), 'viewer comment to arrive');
    expect(readBoard(observer.doc).annotations.has(refused)).toBe(false);

    updateOrganisation(viewer.doc, org, { name: 'Viewer was here' });
    await waitFor(() => viewer.denied.length === 1, 'viewer edit to be refused');
    expect(told(viewer, 0)).toEqual(['edit organisation: viewer']);
    await waitFor(
      () => readBoard(viewer.doc).organisations.get(org)?.name === 'Gemeente',
      'revert on viewer',
    );

    const stored = await storedBoard(board);
    expect(stored.organisations.get(org)?.name).toBe('Gemeente');
    expect(stored.annotations.has(allowed)).toBe(true);
    expect(stored.annotations.has(refused)).toBe(false);
  });
});
