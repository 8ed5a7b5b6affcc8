import type { RoomChannel, RoomMessage } from '../bus/RoomBus.ts';
import type { BoardRole as Role } from '@interplay/shared';

/** What a room needs from a connection; implemented by `Connection`. */
export interface RoomMember {
  readonly role: Role;
  /** Hash of the browser's device id (or a random id per connection): which client ids it may write. */
  readonly device: string;
  /** SHA-256 of the key it was admitted with, to close it when that key is found renewed (see `SyncServer`). */
  readonly keyHash?: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/**
 * Where a room's traffic goes: its own connections in this process, and the board's rooms in other
 * processes through the bus channel.
 */
export class RoomBroadcast {
  private readonly members = new Set<RoomMember>();

  constructor(private readonly channel: RoomChannel) {}

  get size(): number {
    return this.members.size;
  }

  add(member: RoomMember): void {
    this.members.add(member);
  }

  has(member: RoomMember): boolean {
    return this.members.has(member);
  }

  /** False when `member` was not here (it left already). */
  remove(member: RoomMember): boolean {
    return this.members.delete(member);
  }

  all(): RoomMember[] {
    return Array.from(this.members);
  }

  withRole(role: Role): RoomMember[] {
    return this.all().filter((member) => member.role === role);
  }

  /**
   * Sends one message of the board to every connection of this room but `except` (the one it came from, if
   * any) and those of the anonymised view, which get only what `sendAnonymous` sends them.
   */
  send(message: Uint8Array, except?: unknown): void {
    for (const member of this.members) {
      if (member !== except && member.role !== 'anonymous') member.send(message);
    }
  }

  /** Sends one message of the anonymised projection to the connections of the anonymised view. */
  sendAnonymous(message: Uint8Array): void {
    for (const member of this.members) {
      if (member.role === 'anonymous') member.send(message);
    }
  }

  /** How many connections of the anonymised view this room has. */
  get anonymousCount(): number {
    return this.withRole('anonymous').length;
  }

  /** Tells the board's rooms in the other processes. */
  publish(message: RoomMessage): void {
    this.channel.publish(message);
  }

  /** Resolves once the bus delivers the board's messages to this room (see `RoomChannel.ready`). */
  ready(): Promise<void> {
    return this.channel.ready();
  }

  /** Leaves the bus; the room is closing or failed. Idempotent. */
  leave(): void {
    this.channel.leave();
  }
}
