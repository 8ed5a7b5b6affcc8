/** `RedisRoomBus` between two buses (two processes' worth) over a real `redis-server`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisRoomBus } from '../../server/src/bus/RedisRoomBus.ts';
import type { BoardNotice, RoomMessage } from '../../server/src/bus/RoomBus.ts';
import { createLogger } from '../../server/src/log.ts';
import { startRedis } from '../support/externalServices.ts';
import type { RedisServer } from '../support/externalServices.ts';
import { waitFor } from '../support/syncClient.ts';

let redis: RedisServer;
let one: RedisRoomBus;
let two: RedisRoomBus;
const log = createLogger('error', () => undefined);

const update = (seq: number): RoomMessage => ({
  kind: 'update',
  update: new Uint8Array([seq]),
  seq,
  claims: [[seq, 'device:x']],
});

beforeAll(async () => {
  redis = await startRedis();
  [one, two] = await Promise.all([
    RedisRoomBus.connect(redis.url, log),
    RedisRoomBus.connect(redis.url, log),
  ]);
});

afterAll(async () => {
  await Promise.all([one?.close(), two?.close()]);
  await redis?.stop();
});

describe('RedisRoomBus', () => {
  it('delivers to the board’s rooms elsewhere, in order, never back to the sender or to other boards', async () => {
    const heard = {
      a: [] as RoomMessage[],
      b: [] as RoomMessage[],
      c: [] as RoomMessage[],
      other: [] as RoomMessage[],
    };
    const a = one.join('board', (m) => heard.a.push(m));
    const b = two.join('board', (m) => heard.b.push(m));
    // A second room of the same board in the first process hears the first room too.
    const c = one.join('board', (m) => heard.c.push(m));
    const other = two.join('other', (m) => heard.other.push(m));
    await Promise.all([a, b, c, other].map((channel) => channel.ready()));
    for (let seq = 1; seq <= 20; seq++) a.publish(update(seq));
    a.publish({ kind: 'awareness-query' });
    await waitFor(() => heard.b.length === 21 && heard.c.length === 21, 'every message at both rooms');
    expect(heard.b).toEqual([
      ...Array.from({ length: 20 }, (_, i) => update(i + 1)),
      { kind: 'awareness-query' },
    ]);
    expect(heard.c).toEqual(heard.b);
    expect(heard.a).toEqual([]);
    expect(heard.other).toEqual([]);
    b.leave();
    a.publish(update(21));
    await waitFor(() => heard.c.length === 22, 'the message after leaving');
    expect(heard.b).toHaveLength(21);
    for (const channel of [a, c, other]) channel.leave();
  });

  it('tells every process about a board notice, the publisher’s own first', async () => {
    const heard: [string, BoardNotice][] = [];
    const stops = [
      one.onBoardNotice((n) => heard.push(['one', n])),
      two.onBoardNotice((n) => heard.push(['two', n])),
    ];
    await one.publishBoardNotice({ kind: 'key-renewed', boardId: 'b', role: 'editor' });
    await two.publishBoardNotice({ kind: 'board-deleted', boardId: 'c' });
    await waitFor(() => heard.length === 4, 'both notices in both processes');
    const renewal = { kind: 'key-renewed', boardId: 'b', role: 'editor' };
    const deletion = { kind: 'board-deleted', boardId: 'c' };
    expect(heard.filter(([, n]) => n.kind === 'key-renewed')).toEqual([
      ['one', renewal],
      ['two', renewal],
    ]);
    expect(heard.filter(([, n]) => n.kind === 'board-deleted')).toEqual([
      ['two', deletion],
      ['one', deletion],
    ]);
    for (const stop of stops) stop();
  });

  it('after Redis restarts, each bus says so (read back from storage) and carries messages again', async () => {
    const resumed = { one: 0, two: 0 };
    const stops = [one.onResume(() => (resumed.one += 1)), two.onResume(() => (resumed.two += 1))];
    const heard: RoomMessage[] = [];
    const a = one.join('again', () => undefined);
    const b = two.join('again', (m) => heard.push(m));
    await Promise.all([a.ready(), b.ready()]);
    expect(await one.reachable()).toBe(true);
    await redis.kill();
    await waitFor(async () => !(await one.reachable()), 'the bus to notice');
    a.publish(update(1)); // lost: nobody can carry it
    await redis.restart();
    // A bus says so only once it has subscribed again: then it hears what is published.
    await waitFor(() => resumed.one > 0 && resumed.two > 0, 'both buses to resume');
    await waitFor(async () => (await one.reachable()) && (await two.reachable()), 'both buses to reconnect');
    a.publish(update(2));
    await waitFor(() => heard.length > 0, 'a message after the restart');
    expect(heard).toEqual([update(2)]);
    for (const stop of stops) stop();
    a.leave();
    b.leave();
  });
});
