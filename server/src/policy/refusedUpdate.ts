import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { DecodedUpdate } from './classifyUpdate.ts';
import { messageAuth } from '../sync/protocol.ts';

/** y-protocols/auth: the only auth sub-message, "permission denied" with a reason. */
const messagePermissionDenied = 0;

/**
 * The refused update with all its content replaced by garbage-collected
 * placeholders of the same clock ranges, and without its deletions.
 *
 * Why not just drop it: Yjs integrates each client's structs strictly in clock
 * order, so if the server never took these clocks, every later update of the
 * same client would wait forever for them (parked as pending structs) and that
 * participant's allowed edits would silently stop reaching anyone. Applying
 * placeholders keeps the client's clock sequence whole while nothing of the
 * refused content is applied, stored or relayed. Structs the client later
 * anchors on the refused ones become placeholders too (Yjs's own rule).
 */
export function placeholderUpdate(update: DecodedUpdate): Uint8Array | null {
  const byClient = new Map<number, Array<{ clock: number; length: number }>>();
  for (const struct of update.structs) {
    if (struct instanceof Y.Skip) continue;
    let list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, (list = []));
    list.push({ clock: struct.id.clock, length: struct.length });
  }
  if (byClient.size === 0) return null;
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, ranges] of [...byClient].sort(([a], [b]) => b - a)) {
    ranges.sort((a, b) => a.clock - b.clock);
    // One run of placeholders per contiguous range, with skips over gaps.
    const runs: Array<Y.GC | Y.Skip> = [];
    let end = ranges[0]!.clock;
    for (const { clock, length } of ranges) {
      if (clock > end) runs.push(new Y.Skip(Y.createID(client, end), clock - end));
      const from = Math.max(clock, end);
      if (clock + length > from) runs.push(new Y.GC(Y.createID(client, from), clock + length - from));
      end = Math.max(end, clock + length);
    }
    encoding.writeVarUint(encoder.restEncoder, runs.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, ranges[0]!.clock);
    for (const run of runs) run.write(encoder, 0);
  }
  // An empty delete set: the refused update's deletions are not applied either.
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

/** A y-protocols auth "permission denied" message; y-websocket hands the reason to `messageHandlers[2]`. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAuth);
  encoding.writeVarUint(encoder, messagePermissionDenied);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}
