import * as Y from 'yjs';
import type { ClientClaim } from '../storage/Storage.ts';
import { screenUpdate } from '../policy/screenUpdate.ts';
import type { ScreenedUpdate } from '../policy/screenUpdate.ts';

/** The owner recorded for the room's own client ids (the server's reverts). Never a device hash. */
export const SERVER_OWNER = 'server';

/** An update that waits for what it depends on; a connection holding more than this is closed. */
export const MAX_HELD_BYTES = 16 * 1024 * 1024;

export interface IntakeMember {
  /** Hash of the browser's device id (or a per-connection random id): who may write which client ids. */
  readonly device: string;
}

export type Intake =
  | { kind: 'apply'; update: Uint8Array; screened: ScreenedUpdate }
  | { kind: 'held'; screened: ScreenedUpdate; heldBytes: number }
  | { kind: 'nothing'; screened: ScreenedUpdate };

/**
 * The gate between a connection's updates and the room's document: who owns which Yjs client id, and the
 * updates that wait for data they depend on. The document never keeps Yjs's own pending structs, so every
 * struct integrates in the transaction of the connection that sent it, where the guard can judge it.
 */
export class UpdateIntake {
  private readonly held = new Map<IntakeMember, Uint8Array>();
  private unsaved: ClientClaim[] = [];

  constructor(private readonly owners: Map<number, string>) {}

  /** Records the room's own client id, so no client can write under it. */
  claimForServer(client: number): void {
    this.claim(client, SERVER_OWNER);
  }

  /** Screens an update (with whatever this member had waiting) and says what to do with it. Throws on garbage. */
  take(doc: Y.Doc, member: IntakeMember, bytes: Uint8Array, mayDeleteIn?: (root: string) => boolean): Intake {
    const screened = this.peek(doc, member, bytes, mayDeleteIn);
    if (screened.unresolved) {
      this.held.set(member, screened.update);
      return { kind: 'held', screened, heldBytes: screened.update.byteLength };
    }
    this.held.delete(member);
    if (screened.empty) return { kind: 'nothing', screened };
    for (const client of screened.claims) this.claim(client, member.device);
    return { kind: 'apply', update: screened.update, screened };
  }

  /** Screens as `take` does, changing nothing. Throws on garbage. */
  peek(
    doc: Y.Doc,
    member: IntakeMember,
    bytes: Uint8Array,
    mayDeleteIn?: (root: string) => boolean,
  ): ScreenedUpdate {
    const waiting = this.held.get(member);
    const candidate = waiting === undefined ? bytes : Y.mergeUpdates([waiting, bytes]);
    return screenUpdate(doc, candidate, member.device, this.owners, mayDeleteIn);
  }

  /**
   * Records owners that are already stored: read back from storage, or claimed in another server process
   * (they come with its updates on the bus). The first owner of a client id stays its owner.
   */
  adopt(owners: Iterable<ClientClaim>): void {
    for (const [client, owner] of owners) {
      if (!this.owners.has(client)) this.owners.set(client, owner);
    }
  }

  forget(member: IntakeMember): void {
    this.held.delete(member);
  }

  /** Claims not yet written; they go into storage with the next update. */
  drainClaims(): ClientClaim[] {
    const claims = this.unsaved;
    this.unsaved = [];
    return claims;
  }

  private claim(client: number, owner: string): void {
    if (this.owners.has(client)) return;
    this.owners.set(client, owner);
    this.unsaved.push([client, owner]);
  }
}
