import type * as Y from 'yjs';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import { nameScrubber, themeKey } from '@interplay/shared';
import type { PresenceSpeaker } from '../bus/RoomBus.ts';
import { encodeAwareness, encodeAwarenessMessage } from './protocol.ts';
import type { RoomBroadcast, RoomMember } from './RoomBroadcast.ts';
import { remoteOrigin } from './remoteOrigin.ts';
import { anonymiseAwareness, screenAwareness } from './screenAwareness.ts';

/**
 * Awareness changes are batched per room and sent at most this often: with 60 participants moving cursors,
 * relaying each change at once multiplies the messages out of a room by the number of participants; batched,
 * it is one message per member per tick, carrying every state that changed (see the README's figures).
 * Remote cursors thus move at 10 Hz: the page interpolates them (and a followed viewport).
 */
export const AWARENESS_BATCH_MS = 100;

/** Who speaks for an awareness client id: a connection of this room, or a device on another process. */
type Speaker = RoomMember | { readonly device: string };

/**
 * A room's presence: the awareness states of every participant of the board, whichever process they are
 * connected to. This process's connections may speak only for their own client ids, and their states are
 * stamped with their role; their changes go out in batches, to this room's connections and, once per batch,
 * to the other processes. Another process's batch is applied here and passed straight on.
 */
export class RoomPresence {
  readonly awareness: Awareness;
  /** The client ids each connection of this room speaks for. */
  private readonly spokenBy = new Map<Speaker, Set<number>>();
  private readonly speakers = new Map<number, Speaker>();
  /** Changed since the last batch: every id this room's connections must hear about… */
  private readonly changed = new Set<number>();
  /** …and those of them spoken for here, which the other processes must hear about too. */
  private readonly changedHere = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  /** The number each awareness client id has on the anonymised view ("Participant 3"), in order of arrival. */
  private readonly participants = new Map<number, number>();

  constructor(
    doc: Y.Doc,
    private readonly broadcast: RoomBroadcast,
    /** A larger state is neither taken nor relayed: every member would receive it on every change. */
    private readonly maxStateBytes: number = Number.POSITIVE_INFINITY,
    /** Every name the board has held (see `RoomProjection.namesSeen`), kept out of the anonymised view. */
    private readonly namesSeen: () => Iterable<string> = () => [],
  ) {
    this.awareness = new Awareness(doc);
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  add(member: RoomMember): void {
    this.spokenBy.set(member, new Set());
  }

  /** Removes the states a member that left spoke for, everywhere. */
  remove(member: RoomMember): void {
    const spoken = this.spokenBy.get(member);
    if (spoken === undefined) return;
    const ids = Array.from(spoken).filter((id) => this.speakers.get(id) === member);
    removeAwarenessStates(this.awareness, ids, member);
    this.spokenBy.delete(member);
  }

  /** A connection's awareness update: only for client ids it may speak for, stamped with its role. */
  applyClient(member: RoomMember, update: Uint8Array): void {
    const screened = screenAwareness(
      update,
      member.role,
      (client) => this.mayControl(member, client),
      this.maxStateBytes,
    );
    if (screened !== null) applyAwarenessUpdate(this.awareness, screened, member);
  }

  /** Another process's batch, already screened there: kept here for newcomers, passed on to members at once. */
  applyRemote(update: Uint8Array, speakers: readonly PresenceSpeaker[]): void {
    for (const [client, device] of speakers) {
      // The browser moved to another process (a reconnect): its old socket here no longer speaks for it.
      const previous = this.speakers.get(client);
      if (previous !== undefined) this.spokenBy.get(previous)?.delete(client);
      this.speakers.set(client, { device });
    }
    applyAwarenessUpdate(this.awareness, update, remoteOrigin);
    this.relay(update);
  }

  /** Another room of the board just loaded: it gets every state spoken for here. */
  answerQuery(): void {
    const ids = Array.from(this.awareness.getStates().keys()).filter((id) => this.isSpokenHere(id));
    if (ids.length > 0) this.publish(ids, encodeAwarenessUpdate(this.awareness, ids));
  }

  /** An awareness message with every known state, for a member that joins or asks (anonymised for its view). */
  encodeAll(member?: RoomMember): Uint8Array {
    if (member?.role !== 'anonymous') return encodeAwareness(this.awareness);
    const update = encodeAwarenessUpdate(this.awareness, Array.from(this.awareness.getStates().keys()));
    return encodeAwarenessMessage(this.anonymise(update));
  }

  get stateCount(): number {
    return this.awareness.getStates().size;
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.awareness.destroy();
  }

  private readonly onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    for (const id of removed) this.speakers.delete(id);
    // Sent on by `applyRemote` already.
    if (origin === remoteOrigin) return;
    // A member's own change (also its removal when it leaves), or the awareness timing out a silent state.
    const spoken = this.spokenBy.get(origin as Speaker);
    if (spoken !== undefined) {
      for (const id of [...added, ...updated]) {
        spoken.add(id);
        this.speakers.set(id, origin as RoomMember);
      }
      for (const id of removed) spoken.delete(id);
    }
    for (const id of [...added, ...updated, ...removed]) {
      this.changed.add(id);
      if (spoken !== undefined) this.changedHere.add(id);
    }
    this.timer ??= setTimeout(this.flush, AWARENESS_BATCH_MS);
  };

  private readonly flush = (): void => {
    this.timer = null;
    if (this.changed.size === 0) return;
    const ids = Array.from(this.changed);
    const update = encodeAwarenessUpdate(this.awareness, ids);
    // Echoed to the sender too: the y-websocket client reconnects after 30 s without any message, and a lone
    // participant's own 15 s awareness renewal is then the only traffic it gets.
    this.relay(update);
    if (this.changedHere.size > 0) {
      const here = Array.from(this.changedHere);
      // Usually the same ids: only time-outs are changed without being spoken for here.
      this.publish(here, here.length === ids.length ? update : encodeAwarenessUpdate(this.awareness, here));
    }
    this.changed.clear();
    this.changedHere.clear();
  };

  /** Sends an awareness update to this room's connections: as it is, and anonymised to the anonymised view. */
  private relay(update: Uint8Array): void {
    this.broadcast.send(encodeAwarenessMessage(update));
    if (this.broadcast.anonymousCount > 0)
      this.broadcast.sendAnonymous(encodeAwarenessMessage(this.anonymise(update)));
  }

  private anonymise(update: Uint8Array): Uint8Array {
    // Built only when a shared view filters by theme.
    let scrub: ((text: string) => string) | null = null;
    const themeShown = (theme: string): boolean => {
      // Both as theme keys (without case or accents), the form a filter holds its themes in.
      scrub ??= nameScrubber(Array.from(this.namesSeen(), themeKey));
      return scrub(themeKey(theme)) === themeKey(theme);
    };
    const participantOf = (client: number): number => {
      let number = this.participants.get(client);
      if (number === undefined) {
        number = this.participants.size + 1;
        this.participants.set(client, number);
      }
      return number;
    };
    return anonymiseAwareness(update, participantOf, themeShown);
  }

  private publish(ids: number[], update: Uint8Array): void {
    const speakers: PresenceSpeaker[] = [];
    for (const id of ids) {
      const speaker = this.speakers.get(id);
      if (speaker !== undefined) speakers.push([id, speaker.device]);
    }
    this.broadcast.publish({ kind: 'awareness', update, speakers });
  }

  private isSpokenHere(id: number): boolean {
    const speaker = this.speakers.get(id);
    return speaker !== undefined && this.spokenBy.has(speaker);
  }

  /**
   * A member may speak for an awareness client id nobody else speaks for, or one its own browser spoke for
   * on a socket the server has not yet seen close, here or on another process (a page that reconnected).
   */
  private mayControl(member: RoomMember, client: number): boolean {
    const speaker = this.speakers.get(client);
    if (speaker === undefined || speaker === member) return true;
    if (speaker.device !== member.device) return false;
    this.spokenBy.get(speaker)?.delete(client);
    return true;
  }
}
