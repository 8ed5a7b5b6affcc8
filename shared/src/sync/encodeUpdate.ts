import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A decoded (not yet applied) Yjs update, as `Y.decodeUpdate` returns it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
export type Struct = DecodedUpdate['structs'][number];
export interface DeleteRange {
  clock: number;
  len: number;
}

/**
 * Writing updates from decoded parts uses Yjs's encoder classes and `Struct.write`, which Yjs exports but
 * does not document: this file is the one place that does, and `encodeUpdate.test.ts` fails if an upgrade
 * changes them.
 */

/** Bytes `struct` takes in an update (V1): written alone into a scratch encoder. */
export function structSize(struct: Struct): number {
  const encoder = new Y.UpdateEncoderV1();
  struct.write(encoder, 0);
  return encoding.length(encoder.restEncoder);
}

/**
 * Encodes structs and a delete set as one Yjs update (v1), the way Yjs writes its own: per client the
 * structs in clock order, gaps as skips, then the delete set. The server drops refused parts of a decoded
 * update with it before applying it; the page cuts a large update into pieces with it.
 */
export function encodeUpdate(
  structs: readonly Struct[],
  deletes: ReadonlyMap<number, DeleteRange[]>,
): Uint8Array {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    let list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, (list = []));
    list.push(struct);
  }
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of [...byClient].sort(([a], [b]) => b - a)) {
    list.sort((a, b) => a.id.clock - b.id.clock);
    const runs: Struct[] = [];
    let end = list[0]!.id.clock;
    for (const struct of list) {
      if (struct.id.clock > end) runs.push(new Y.Skip(Y.createID(client, end), struct.id.clock - end));
      runs.push(struct);
      end = struct.id.clock + struct.length;
    }
    encoding.writeVarUint(encoder.restEncoder, runs.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, list[0]!.id.clock);
    for (const run of runs) run.write(encoder, 0);
  }
  const clients = [...deletes].filter(([, ranges]) => ranges.length > 0).sort(([a], [b]) => b - a);
  encoding.writeVarUint(encoder.restEncoder, clients.length);
  for (const [client, ranges] of clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const { clock, len } of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}
