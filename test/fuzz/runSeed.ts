import { addOrganisation, addPerson, connect } from '@interplay/shared';
import type { OrganisationId } from '@interplay/shared';
import { createBoard } from '../support/syncClient.ts';
import type { CreatedBoard } from '../support/syncClient.ts';
import { stageConflict } from './conflicts.ts';
import { endCheck } from './endCheck.ts';
import type { FuzzClient } from './FuzzClient.ts';
import type { FuzzServer } from './FuzzServer.ts';
import { Random } from './random.ts';
import { pause, Scene } from './Scene.ts';
import type { FuzzFeatures } from './Scene.ts';
import { settingsCommand } from './settingsCommands.ts';

export interface SeedResult {
  seed: number;
  ms: number;
  /** Empty when the seed passed. */
  problems: string[];
  /** The seed's command log, kept for a failing seed (or when asked for). */
  log: string | null;
  /** The server's log lines of a failing seed about its board. */
  serverLog: string[];
  commands: number;
  markers: number;
  /** Refusal notices the clients received (each one a partly reverted update). */
  refusals: number;
  killed: boolean;
}

/**
 * The server's warnings that it dropped parts of an update as forged, when they came from a client the fuzz
 * runs honestly: the facilitator and participants never forge (hostile participants only send forbidden
 * edits), and viewers do only when hostile viewers are on.
 */
function honestForgeries(lines: readonly string[], features: FuzzFeatures): string[] {
  return lines
    .filter((line) => line.includes('"msg":"forged parts of an update dropped"'))
    .filter((line) => !(features.hostileViewers && line.includes('"role":"viewer"')))
    .map((line) => `the server dropped parts of an honest client's update as forged: ${line}`);
}

/** A board through the HTTP API; another seed running beside this one may have just killed the server. */
async function newBoard(server: FuzzServer, title: string): Promise<CreatedBoard> {
  for (let attempt = 1; ; attempt += 1) {
    await server.start();
    try {
      return await createBoard(server.url, title);
    } catch (error) {
      if (attempt >= 5) throw error;
      await pause(200);
    }
  }
}

/** How long clients may take to sync at the start: a restart of the shared server may come in between. */
const SET_UP_SYNC_MS = 60_000;

/** One in this many seeds kills the server with SIGKILL mid-burst. */
const KILL_ONE_IN = 8;

/** Every client connected and synced, marker threads started, a few things on the board. */
async function setUp(scene: Scene): Promise<void> {
  // Another seed's kill -9 may have the server down (or restarting, slowly on a loaded machine) right now.
  await scene.server.start();
  scene.connectClients();
  await Promise.all(scene.clients.map((c) => c.whenSynced(SET_UP_SYNC_MS)));
  for (const client of scene.clients) {
    if (client.writesMarkers) scene.markerThreads.add(client.createMarkerThread());
  }
  const f = scene.facilitator;
  const orgs: OrganisationId[] = [];
  for (let i = scene.random.between(2, 4); i > 0; i -= 1) {
    const input = { name: `Seed org ${i}`, sector: 'care', position: { x: i * 300, y: 0 } } as const;
    f.perform({
      label: `addOrganisation "${input.name}"`,
      run: (doc) => orgs.push(addOrganisation(doc, input)),
    });
  }
  const person = { name: 'Seed person', organisationId: orgs[0]!, position: { x: 0, y: 200 } };
  f.perform({ label: 'addPerson "Seed person"', run: (doc) => addPerson(doc, person) });
  f.perform({
    label: 'connect seed orgs',
    run: (doc) => connect(doc, { source: orgs[0]!, target: orgs[1]! }),
  });
}

/** One burst: every client acts a few times, interleaved; the facilitator may change a setting in the middle. */
async function burst(scene: Scene): Promise<void> {
  const { random, features } = scene;
  const tasks = scene.clients.map(async (client: FuzzClient) => {
    for (let n = random.int(4); n > 0; n -= 1) {
      scene.act(client);
      await pause(client.random.int(4));
    }
  });
  if (features.locks || features.phases || features.viewers) {
    tasks.push(
      (async () => {
        if (!random.chance(0.4)) return;
        await pause(random.int(6));
        const command = settingsCommand(scene.facilitator.board(), random, features);
        if (command !== null) scene.facilitator.perform(command);
      })(),
    );
  }
  await Promise.all(tasks);
}

/**
 * Participants (and, rarely, the facilitator) drop off and come back between bursts; now and
 * then a page reloads, online or offline, from its local copy with whatever it has not sent yet.
 */
function comeAndGo(scene: Scene): void {
  for (const client of scene.clients) {
    const leaves = client === scene.facilitator ? 0.05 : 0.15;
    if (client.role !== 'viewer' && scene.random.chance(0.03)) client.reload(true);
    if (client.online && scene.random.chance(leaves)) client.goOffline();
    else if (!client.online && scene.random.chance(0.4)) client.goOnline();
  }
}

async function killAndRestart(scene: Scene): Promise<void> {
  // Mid-burst: the kill lands while updates are in flight and being committed.
  const killing = (async () => {
    await pause(scene.random.int(8));
    await scene.server.kill();
  })();
  await Promise.all([burst(scene), killing]);
  // Edits made while the server is down wait in the clients' documents.
  await burst(scene);
  await scene.server.start();
}

/**
 * One seed: a new board on the shared server, 5–8 clients, 6–12 rounds of bursts with
 * offline periods, setting changes and staged conflicts, maybe a kill -9, then the end check.
 */
export async function runSeed(
  server: FuzzServer,
  seed: number,
  features: FuzzFeatures,
  keepLog = false,
): Promise<SeedResult> {
  const started = Date.now();
  const random = new Random(seed);
  const board = await newBoard(server, `Fuzz ${seed}`);
  const scene = new Scene(server, board, random, features);
  const stopListening = server.listen((event) => scene.log.add('server', event));
  const killRound = features.kills && random.chance(1 / KILL_ONE_IN) ? random.int(6) : -1;
  let problems: string[];
  try {
    await setUp(scene);
    const rounds = random.between(6, 12);
    for (let round = 0; round < rounds; round += 1) {
      if (features.offline) comeAndGo(scene);
      if (features.conflicts && random.chance(0.35)) await stageConflict(scene);
      if (round === killRound) await killAndRestart(scene);
      else await burst(scene);
      await pause(random.int(10));
    }
    problems = await endCheck(scene);
    problems.push(...honestForgeries(server.logsOf(board.id), features));
  } catch (error) {
    problems = [`the seed threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  } finally {
    stopListening();
    scene.destroy();
  }
  const failed = problems.length > 0;
  const serverLog = failed ? server.logsOf(board.id) : [];
  server.forget(board.id);
  return {
    seed,
    ms: Date.now() - started,
    problems,
    log: failed || keepLog ? scene.log.format() : null,
    serverLog,
    commands: scene.clients.reduce((sum, c) => sum + c.commandsRun, 0),
    markers: scene.clients.reduce((sum, c) => sum + c.markers.length, 0),
    refusals: scene.clients.reduce((sum, c) => sum + c.refusals.length, 0),
    killed: killRound >= 0,
  };
}
