import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { anonymisePresence, stampPresence } from '@interplay/shared';
import type { BoardRole } from '@interplay/shared';

/**
 * A connection's awareness update as the room takes it: only entries for client ids this connection may
 * speak for (`mayControl`) whose state is at most `maxStateLength` characters of JSON, each stamped with
 * the connection's role (`stampPresence`). Null when no entry is left. Throws on bytes that are not an
 * awareness update.
 */
export function screenAwareness(
  update: Uint8Array,
  role: BoardRole,
  mayControl: (client: number) => boolean,
  maxStateLength: number = Number.POSITIVE_INFINITY,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Array<{ client: number; clock: number; state: string }> = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    // Not even parsed: a page's own presence is a few hundred bytes.
    if (raw.length > maxStateLength) continue;
    const stamped = stampPresence(JSON.parse(raw) as unknown, role);
    if (stamped === undefined || !mayControl(client)) continue;
    entries.push({ client, clock, state: JSON.stringify(stamped) });
  }
  if (entries.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { client, clock, state } of entries) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * An awareness update as the anonymised view receives it: each state through `anonymisePresence`, the person
 * numbered by `participantOf` instead of named. Throws on bytes that are not an awareness update.
 */
export function anonymiseAwareness(
  update: Uint8Array,
  participantOf: (client: number) => number,
  themeShown?: (theme: string) => boolean,
): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, count);
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = anonymisePresence(
      JSON.parse(decoding.readVarString(decoder)) as unknown,
      participantOf(client),
      themeShown,
    );
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state ?? null));
  }
  return encoding.toUint8Array(encoder);
}
