import type * as Y from 'yjs';
import { addOrganisation, addPerson, addProject, connect, readBoard } from '@interplay/shared';
import type { BoardSnapshot, OrganisationId, Sector } from '@interplay/shared';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { CreatedBoard } from '../support/syncClient.ts';

/** Boards the image export tests write through a real y-websocket client. */

/** Pushes a board written by `write` through a real y-websocket client and waits until a fresh client sees it all. */
export async function seed(
  server: ServerHandle,
  title: string,
  write: (doc: Y.Doc) => void,
): Promise<{ board: CreatedBoard; snapshot: BoardSnapshot }> {
  // One retry: undici may reuse a keep-alive connection the server has just closed (idle > 5 s).
  const board = await createBoard(server.url, title).catch(() => createBoard(server.url, title));
  const writer = connectClient(server.wsUrl, board.id, board.keys.edit);
  await writer.whenSynced();
  write(writer.doc);
  const expected = readBoard(writer.doc);
  const reader = connectClient(server.wsUrl, board.id, board.keys.view);
  await reader.whenSynced();
  await waitFor(
    () =>
      readBoard(reader.doc).relationships.size === expected.relationships.size &&
      readBoard(reader.doc).people.size === expected.people.size,
    'the server to have the whole board',
  );
  const snapshot = readBoard(reader.doc);
  writer.destroy();
  reader.destroy();
  return { board, snapshot };
}

/** Organisations spread far beyond any viewport, each sector once, joined by thick solid edges. */
export function writeFarBoard(doc: Y.Doc, extreme: boolean): void {
  const sectors: Sector[] = ['municipality', 'housing', 'care', 'mentalHealth', 'welfare', 'education'];
  const spots = extreme
    ? [
        [0, 0],
        [50_000, -30_000],
        [-6_000, 4_000],
        [20_000, 9_000],
        [45_000, 2_000],
        [-2_000, -25_000],
      ]
    : [
        [0, 0],
        [5_200, -3_100],
        [-2_400, 1_800],
        [3_000, 2_600],
        [-1_500, -2_800],
        [4_400, 900],
      ];
  const ids = sectors.map((sector, i) =>
    addOrganisation(doc, {
      name: `Far ${sector} ${i}`,
      sector,
      position: { x: spots[i]![0]!, y: spots[i]![1]! },
    }),
  );
  ids.slice(1).forEach((id, i) =>
    connect(doc, {
      source: ids[0]!,
      target: id,
      strength: 5,
      kind: i % 2 ? 'collaboration' : 'funding',
      form: 'interweave',
      direction: 'oneWay',
    }),
  );
  const person = addPerson(doc, {
    name: 'Pim Verre',
    organisationId: ids[1] as OrganisationId,
    roles: ['scout'],
    position: { x: spots[1]![0]! + 40, y: spots[1]![1]! + 110 },
  });
  addProject(doc, { name: 'Overal en nergens', colour: '#3b82f6', memberIds: [ids[0]!, ids[3]!, person] });
}

/**
 * Pairs of organisations far apart, each joined by a dotted relationship
 * (the "coordinate" form) of one strength (1…5: 1.5…7.9 px wide), on lines
 * at several angles and crossing nothing else.
 */
export function writeDottedBoard(doc: Y.Doc): void {
  const angles = [0, 0.3, 0.9, 1.6, 2.4];
  angles.forEach((angle, i) => {
    const [x, y] = [i * 900, (i % 2) * 300];
    const ends = [
      { x, y },
      { x: x + Math.round(Math.cos(angle) * 1_400), y: y + 1_400 + Math.round(Math.sin(angle) * 700) },
    ];
    const [source, target] = ends.map((position, end) =>
      addOrganisation(doc, { name: `Dots ${i + 1}${end ? 'b' : 'a'}`, sector: 'welfare', position }),
    );
    connect(doc, {
      source: source!,
      target: target!,
      strength: (i + 1) as 1 | 2 | 3 | 4 | 5,
      kind: 'information',
      form: 'coordinate',
      direction: 'none',
    });
  });
}
