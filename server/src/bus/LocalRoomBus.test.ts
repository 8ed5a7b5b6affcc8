import { describe, expect, it } from 'vitest';
import { LocalRoomBus } from './LocalRoomBus.ts';
import type { BoardNotice, RoomMessage } from './RoomBus.ts';

const update = (seq: number): RoomMessage => ({
  kind: 'update',
  update: new Uint8Array([seq]),
  seq,
  claims: [],
});
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('LocalRoomBus', () => {
  it('delivers to the other rooms of the same board, in order, never back to the sender', async () => {
    const bus = new LocalRoomBus();
    const heard = { a: [] as RoomMessage[], b: [] as RoomMessage[], other: [] as RoomMessage[] };
    const a = bus.join('board', (m) => heard.a.push(m));
    bus.join('board', (m) => heard.b.push(m));
    const other = bus.join('other-board', (m) => heard.other.push(m));
    a.publish(update(1));
    a.publish(update(2));
    a.publish({ kind: 'awareness-query' });
    other.publish(update(3));
    expect(heard.b).toEqual([]);
    await tick();
    expect(heard.b).toEqual([update(1), update(2), { kind: 'awareness-query' }]);
    expect(heard.a).toEqual([]);
    expect(heard.other).toEqual([]);
  });

  it('gives each receiver its own copy of the bytes, and nothing after leaving', async () => {
    const bus = new LocalRoomBus();
    const heard: RoomMessage[][] = [[], []];
    const sender = bus.join('board', () => undefined);
    const first = bus.join('board', (m) => heard[0]!.push(m));
    bus.join('board', (m) => heard[1]!.push(m));
    const sent = update(7);
    sender.publish(sent);
    await tick();
    const [one, two] = heard.map((list) => list[0]);
    if (one?.kind !== 'update' || two?.kind !== 'update' || sent.kind !== 'update')
      throw new Error('no update');
    one.update[0] = 99;
    expect(two.update[0]).toBe(7);
    expect(sent.update[0]).toBe(7);
    first.leave();
    sender.publish(update(8));
    await tick();
    expect(heard[0]).toHaveLength(1);
    expect(heard[1]).toHaveLength(2);
  });

  it('tells every listener about a board notice, the publisher’s own process included, before resolving', async () => {
    const bus = new LocalRoomBus();
    const heard: BoardNotice[] = [];
    bus.onBoardNotice((notice) => heard.push(notice));
    const stop = bus.onBoardNotice(() => {
      throw new Error('a failing listener does not stop the others');
    });
    bus.onBoardNotice((notice) => heard.push(notice));
    await bus.publishBoardNotice({ kind: 'key-renewed', boardId: 'b', role: 'editor' });
    expect(heard).toEqual([
      { kind: 'key-renewed', boardId: 'b', role: 'editor' },
      { kind: 'key-renewed', boardId: 'b', role: 'editor' },
    ]);
    stop();
    await bus.close();
    await bus.publishBoardNotice({ kind: 'key-renewed', boardId: 'b', role: 'viewer' });
    expect(heard).toHaveLength(2);
  });
});
