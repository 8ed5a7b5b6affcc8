/**
 * Conflicts staged on purpose: several clients acting on the same thing at once, or a
 * participant editing offline while the facilitator changes what is allowed. Plain
 * random rounds make these rare; they are where a server that reverts part of an
 * update must get every detail right.
 */
import {
  deleteEntities,
  moveNodes,
  setBoardLocked,
  setLayoutLocked,
  setPhase,
  updateOrganisation,
} from '@interplay/shared';
import type { NodeId, OrganisationId, RelationshipId } from '@interplay/shared';
import { formatPosition, idsOf, label, nodeIds, randomPosition } from './commandContext.ts';
import { changeThread, ordinaryThreads, scoreRelationship } from './facilitationCommands.ts';
import type { FuzzClient } from './FuzzClient.ts';
import type { Scene } from './Scene.ts';
import { pause } from './Scene.ts';

type Episode = (scene: Scene) => Promise<void>;

/** Two or three participants (and maybe the facilitator), in random order. */
function someEditors(scene: Scene, count: number): FuzzClient[] {
  return scene.random.some([...scene.participants, scene.facilitator], count);
}

/** Some of `clients` go offline first, so their part reaches the server late. */
function maybeOffline(scene: Scene, clients: FuzzClient[]): FuzzClient[] {
  if (!scene.features.offline) return [];
  const gone = clients.filter(() => scene.random.chance(0.4));
  for (const client of gone) client.goOffline();
  return gone;
}

async function backOnline(scene: Scene, clients: FuzzClient[]): Promise<void> {
  await pause(scene.random.int(15));
  for (const client of clients) client.goOnline();
}

/** Two or three clients resolve, reopen, delete, reply to or edit the same thread. */
const threadRace: Episode = async (scene) => {
  const [first, ...others] = someEditors(scene, scene.random.between(2, 3));
  if (first === undefined) return;
  const thread = scene.random.pick(ordinaryThreads(scene.context(first)));
  if (thread === undefined) return;
  scene.log.add('fuzz', `conflict: thread ${label(first.board(), thread.id)}`);
  const offline = maybeOffline(scene, others);
  for (const client of [first, ...others]) client.perform(changeThread(scene.context(client), thread));
  await backOnline(scene, offline);
};

/** Several scorers on one relationship, while someone deletes it or the phase moves on. */
const healthRace: Episode = async (scene) => {
  const scorers = someEditors(scene, scene.random.between(2, 3));
  const board = scorers[0]?.board();
  const id = board && (scene.random.pick(idsOf(board.relationships)) as RelationshipId | undefined);
  if (board === undefined || id === undefined) return;
  scene.log.add('fuzz', `conflict: health of ${label(board, id)}`);
  const offline = maybeOffline(scene, scorers);
  for (const client of scorers) client.perform(scoreRelationship(scene.context(client), id));
  const spoiler = scene.random.pick(scene.participants);
  if (spoiler !== undefined && scene.features.deletes && scene.random.chance(0.3)) {
    spoiler.perform({ label: `deleteEntities ${label(board, id)}`, run: (doc) => deleteEntities(doc, [id]) });
  }
  if (scene.features.phases && scene.random.chance(0.3)) {
    scene.facilitator.perform({
      label: 'setPhase relationships',
      run: (doc) => setPhase(doc, 'relationships'),
    });
  }
  await backOnline(scene, offline);
};

/** One participant renames and moves an organisation while another deletes it. */
const renameVersusDelete: Episode = async (scene) => {
  const [renamer, deleter] = someEditors(scene, 2);
  const board = renamer?.board();
  const id = board && (scene.random.pick(idsOf(board.organisations)) as OrganisationId | undefined);
  if (renamer === undefined || deleter === undefined || board === undefined || id === undefined) return;
  if (!scene.features.deletes) return;
  scene.log.add('fuzz', `conflict: rename vs delete ${label(board, id)}`);
  const offline = maybeOffline(scene, [renamer]);
  const position = randomPosition(scene.random);
  const name = `Renamed ${renamer.name}`;
  renamer.perform({
    label: `updateOrganisation ${label(board, id)} name+position ${formatPosition(position)}`,
    run: (doc) => updateOrganisation(doc, id, { name, position }),
  });
  deleter.perform({ label: `deleteEntities ${label(board, id)}`, run: (doc) => deleteEntities(doc, [id]) });
  await backOnline(scene, offline);
};

/**
 * A participant edits offline; meanwhile the facilitator locks the layout, locks the
 * board or changes the phase; then the participant comes back with edits that are now
 * (partly) forbidden.
 */
const offlineVersusSettings: Episode = async (scene) => {
  const { features, random, facilitator } = scene;
  const participant = random.pick(scene.participants);
  const change = random.weighted({
    layout: features.locks ? 2 : 0,
    board: features.locks ? 1 : 0,
    phase: features.phases ? 2 : 0,
  });
  if (participant === undefined || !features.offline || (!features.locks && !features.phases)) return;
  scene.log.add('fuzz', `conflict: ${participant.name} offline vs ${change}`);
  participant.goOffline();
  const board = participant.board();
  const nodes = random.some(nodeIds(board), 2) as NodeId[];
  if (nodes.length > 0) {
    const moves = nodes.map((id) => ({ id, position: randomPosition(random) }));
    participant.perform({
      label: `moveNodes ${moves.map((m) => `${label(board, m.id)}→${formatPosition(m.position)}`).join(' ')}`,
      run: (doc) => moveNodes(doc, moves),
    });
  }
  for (let i = random.between(1, 3); i > 0; i -= 1) scene.act(participant);
  await pause(random.int(5));
  if (change === 'layout') {
    facilitator.perform({ label: 'setLayoutLocked true', run: (doc) => setLayoutLocked(doc, true) });
  } else if (change === 'board') {
    facilitator.perform({ label: 'setBoardLocked true', run: (doc) => setBoardLocked(doc, true) });
  } else {
    const phase = random.pick(['organisations', 'people', 'relationships', 'scoring'] as const)!;
    facilitator.perform({ label: `setPhase ${phase}`, run: (doc) => setPhase(doc, phase) });
  }
  await backOnline(scene, [participant]);
};

const EPISODES: ReadonlyArray<readonly [Episode, number]> = [
  [threadRace, 3],
  [healthRace, 3],
  [renameVersusDelete, 3],
  [offlineVersusSettings, 4],
];

/** Stages one conflict, chosen by weight. */
export async function stageConflict(scene: Scene): Promise<void> {
  const weights = Object.fromEntries(EPISODES.map(([, weight], i) => [String(i), weight]));
  const [episode] = EPISODES[Number(scene.random.weighted(weights))]!;
  await episode(scene);
}
