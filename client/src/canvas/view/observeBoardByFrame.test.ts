import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addOrganisation, moveNodes } from '@interplay/shared';
import type { BoardSnapshot, OrganisationId } from '@interplay/shared';
import { setLocalDrag } from './localDrag.ts';
import { observeBoardByFrame } from './observeBoardByFrame.ts';

const positionIn = (snapshot: BoardSnapshot | undefined, id: OrganisationId) =>
  snapshot?.organisations.get(id)?.position;

describe('observeBoardByFrame while this page drags', () => {
  // Node has no animation frames: the unit tests run frames on timers.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 16));
    vi.stubGlobal('cancelAnimationFrame', (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('holds back the echo of its own moves until the drop, and still delivers remote changes', async () => {
    const doc = new Y.Doc();
    const id = addOrganisation(doc, { name: 'A', sector: 'housing', position: { x: 0, y: 0 } });
    const delivered: BoardSnapshot[] = [];
    const stop = observeBoardByFrame(doc, (snapshot) => delivered.push(snapshot));
    expect(delivered).toHaveLength(1);

    setLocalDrag(doc, true);
    moveNodes(doc, [{ id, position: { x: 10, y: 0 } }]);
    await vi.advanceTimersByTimeAsync(200);
    expect(delivered).toHaveLength(1);

    // Someone else's change arrives mid-drag: delivered, with the held local move in it.
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const other = addOrganisation(remote, { name: 'B', sector: 'housing', position: { x: 500, y: 0 } });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    await vi.advanceTimersByTimeAsync(200);
    expect(delivered).toHaveLength(2);
    expect(delivered[1]?.organisations.has(other)).toBe(true);
    expect(positionIn(delivered[1], id)).toEqual({ x: 10, y: 0 });

    moveNodes(doc, [{ id, position: { x: 20, y: 0 } }]);
    await vi.advanceTimersByTimeAsync(200);
    expect(delivered).toHaveLength(2);

    // The drop delivers what waited.
    setLocalDrag(doc, false);
    await vi.advanceTimersByTimeAsync(200);
    expect(delivered).toHaveLength(3);
    expect(positionIn(delivered[2], id)).toEqual({ x: 20, y: 0 });

    // Without a drag, own changes are delivered as before.
    moveNodes(doc, [{ id, position: { x: 30, y: 0 } }]);
    await vi.advanceTimersByTimeAsync(200);
    expect(positionIn(delivered[3], id)).toEqual({ x: 30, y: 0 });
    stop();
  });

  it('delivers a change after a quiet frame at once, and closer changes with the next frame', async () => {
    const doc = new Y.Doc();
    const id = addOrganisation(doc, { name: 'A', sector: 'housing', position: { x: 0, y: 0 } });
    const delivered: BoardSnapshot[] = [];
    const stop = observeBoardByFrame(doc, (snapshot) => delivered.push(snapshot));
    await vi.advanceTimersByTimeAsync(100);

    // After the transaction, without waiting for a frame.
    moveNodes(doc, [{ id, position: { x: 10, y: 0 } }]);
    expect(delivered).toHaveLength(1);
    await Promise.resolve();
    expect(delivered).toHaveLength(2);
    expect(positionIn(delivered[1], id)).toEqual({ x: 10, y: 0 });

    // Two more within the same frame: the latest, with the next frame.
    await vi.advanceTimersByTimeAsync(5);
    moveNodes(doc, [{ id, position: { x: 20, y: 0 } }]);
    moveNodes(doc, [{ id, position: { x: 30, y: 0 } }]);
    await Promise.resolve();
    expect(delivered).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(16);
    expect(delivered).toHaveLength(3);
    expect(positionIn(delivered[2], id)).toEqual({ x: 30, y: 0 });
    stop();
  });
});
