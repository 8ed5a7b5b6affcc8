import * as Y from 'yjs';
import { readSettings } from '@interplay/shared';
import { slotMeaning } from '@interplay/shared/board/changeRules';
import type { RefusedChange } from '@interplay/shared';
import type { ClientClaim, StoredDocument } from '../storage/Storage.ts';
import { CorruptStorageError } from '../storage/snapshotChecksum.ts';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import { applyGuarded } from '../policy/guardUpdate.ts';
import { screenUpdate } from '../policy/screenUpdate.ts';
import type { RoomMember } from './RoomBroadcast.ts';
import { remoteOrigin } from './remoteOrigin.ts';
import { MAX_HELD_BYTES, SERVER_OWNER, UpdateIntake } from './UpdateIntake.ts';

/**
 * Every struct is one the room has, and every delete range names only what the room has already deleted (a
 * viewer's sync step 2 repeats the whole delete set of its copy). Throws on garbage.
 */
function bringsNothingNew(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const known = (client: number): number => Y.getState(doc.store, client);
  if (!structs.every((s) => s.id.clock + s.length <= known(s.id.client))) return false;
  for (const [client, ranges] of ds.clients) {
    const stored = doc.store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (clock + len > known(client) || stored === undefined) return false;
      for (
        let i = Y.findIndexSS(stored, clock);
        i < stored.length && stored[i]!.id.clock < clock + len;
        i++
      ) {
        if (!stored[i]!.deleted) return false;
      }
    }
  }
  return true;
}

const isCommentRoot = (root: string): boolean => slotMeaning(root, []).area === 'annotations';

/** A view-only page whose deletes outside the comments were dropped still has them: it must reload. */
const VIEWER_DELETES_DROPPED: RefusedChange = { action: 'delete', subject: 'board', reason: 'viewer' };

/** Another process's update was screened there: here only its dependencies are checked, not its owners. */
const noOwners = { get: (): undefined => undefined };

/** A client's update would grow the board beyond its limit; nothing of it was applied. */
export class BoardFullError extends Error {}

/** What became of a client's update. */
export interface ClientUpdateOutcome {
  /** Changes reverted (or, for a viewer, the whole update refused): the sender is told. */
  refused: RefusedChange[];
  /** The update the document emitted, when something was reverted: the sender gets it back. */
  integrated: Uint8Array | null;
}

/**
 * A board's Y.Doc and the gate in front of it: clients' updates through the intake and the guard, other
 * processes' updates and stored state tagged `remoteOrigin`. It stores and sends nothing itself.
 */
export class RoomDocument {
  readonly doc = new Y.Doc();
  private readonly intake = new UpdateIntake(new Map());
  /** The update the last transaction emitted, so a sender whose update was partly reverted gets the revert. */
  private lastIntegrated: Uint8Array | null = null;
  /**
   * The whole document as one update, kept until the document changes. A new participant (empty state
   * vector) needs exactly this, and when a facilitator shares the link, dozens join within a minute while
   * little changes: encoding a large board for each of them held the event loop.
   */
  private wholeState: Uint8Array | null = null;
  /**
   * The last answer to a sync step 1 with a non-empty state vector, kept until the document changes: a
   * client asking again and again with the same state vector costs one diff, not one per request.
   */
  private lastAnswer: { stateVector: string; missing: Uint8Array } | null = null;
  /**
   * The document's size: exact whenever the whole state is encoded (a newcomer, a compaction), between
   * those the sum of the updates integrated since, which only overstates it (deletes shrink a document).
   */
  private size = 0;

  constructor(
    private readonly boardId: string,
    private readonly log: Logger,
    /** Largest document (bytes of its encoding) client updates may grow it to. */
    private readonly maxBytes: number = Number.POSITIVE_INFINITY,
  ) {}

  /**
   * Applies what storage holds (loading, or catching up) as one remote transaction, with its owners.
   * Throws `CorruptStorageError` when a stored part cannot be applied: the room must not load (and later
   * compact) a board that silently lacks it.
   */
  applyStored(stored: StoredDocument): void {
    this.doc.transact(() => {
      const parts = stored.updates.map(({ update }) => update);
      for (const part of stored.snapshot === null ? parts : [stored.snapshot, ...parts]) {
        try {
          Y.applyUpdate(this.doc, part);
        } catch (error) {
          const which = part === stored.snapshot ? 'snapshot' : 'logged update';
          throw new CorruptStorageError(
            `a stored ${which} of board ${this.boardId} cannot be read: ${errorFields(error).error as string}`,
          );
        }
      }
    }, remoteOrigin);
    this.changed();
    this.encodeWholeState();
    this.intake.adopt(stored.owners);
  }

  /**
   * From now on `listener` hears every change the document integrates, with its transaction's origin.
   * Called once the stored state is loaded, so that Yjs does not encode it all again as one change.
   */
  listen(listener: (update: Uint8Array, origin: unknown) => void): void {
    this.intake.claimForServer(this.doc.clientID);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.changed();
      this.size += update.byteLength;
      this.lastIntegrated = update;
      listener(update, origin);
    });
  }

  /**
   * Applies an update another process guarded and stored, with the client ids it claimed there. False, with
   * nothing applied, when it depends on something this document lacks (the room then reads storage back):
   * Yjs would park it and integrate it later inside some client's transaction, where the guard would judge
   * it as that client's. Throws on bytes that are not an update.
   */
  applyRemote(update: Uint8Array, claims: readonly ClientClaim[]): boolean {
    this.intake.adopt(claims);
    const screened = screenUpdate(this.doc, update, SERVER_OWNER, noOwners);
    if (screened.unresolved || screened.forgedDeletes > 0) return false;
    if (!screened.empty) Y.applyUpdate(this.doc, update, remoteOrigin);
    return true;
  }

  /**
   * Takes a client's update. Throws when the bytes are not a decodable update or Yjs cannot apply them; the
   * caller then closes that connection. Structs under another browser's client ids and deletes of clocks
   * nobody wrote are dropped first; an update that depends on data not here yet waits for it
   * (`UpdateIntake`); the rest is applied and its forbidden part reverted in the same transaction
   * (`applyGuarded`), with `member` as the transaction's origin.
   */
  applyClient(member: RoomMember, update: Uint8Array): ClientUpdateOutcome {
    const settings = readSettings(this.doc);
    const viewer = member.role === 'viewer';
    // A view key's update is never applied when viewers may not comment; when they may, it can delete
    // nothing outside the comments, so it cannot take anything of anyone else's away, even for a moment.
    if (viewer && !settings.viewersMayComment) {
      const refused: RefusedChange[] = bringsNothingNew(this.doc, update)
        ? []
        : [{ action: 'edit', subject: 'board', reason: 'viewer' }];
      return { refused, integrated: null };
    }
    if (this.size + update.byteLength > this.maxBytes) {
      throw new BoardFullError(`board would exceed ${this.maxBytes} bytes (now about ${this.size})`);
    }
    const intake = this.intake.take(this.doc, member, update, viewer ? isCommentRoot : undefined);
    const { forgedClients, forgedDeletes } = intake.screened;
    if (forgedClients.length > 0 || forgedDeletes > 0) {
      this.log.warn('forged parts of an update dropped', {
        boardId: this.boardId,
        role: member.role,
        forgedClients,
        forgedDeletes,
      });
    }
    if (intake.kind === 'held' && intake.heldBytes > MAX_HELD_BYTES) {
      throw new Error('too much waiting for missing data');
    }
    // Nothing will bring back in a viewer's copy what it deleted and we dropped: tell it, so its page reloads.
    const dropped = viewer && forgedDeletes > 0 ? [VIEWER_DELETES_DROPPED] : [];
    if (intake.kind !== 'apply') return { refused: dropped, integrated: null };
    this.lastIntegrated = null;
    const refused = applyGuarded(
      this.doc,
      intake.update,
      member,
      member.role,
      settings,
      intake.screened.clients,
    );
    const integrated = this.lastIntegrated as Uint8Array | null;
    this.lastIntegrated = null;
    if (refused.length > 0) {
      this.log.info('update partly reverted', {
        boardId: this.boardId,
        role: member.role,
        refused: refused.map((r) => `${r.action} ${r.subject}: ${r.reason}`),
      });
    }
    return {
      refused: refused.length > 0 ? refused : dropped,
      integrated: refused.length > 0 ? integrated : null,
    };
  }

  /**
   * Whether a process behind storage might judge this client update otherwise than one that is not: it is
   * judged under a lock, a phase or a view-only role (which another process may just have lifted), introduces
   * client ids (another process may know their owner), carries another device's structs (which another
   * process may have stored), or waits for data (which may be stored). Throws on garbage.
   */
  judgedByWhatOthersStored(member: RoomMember, update: Uint8Array): boolean {
    if (member.role !== 'facilitator') {
      const settings = readSettings(this.doc);
      if (
        member.role === 'viewer' ||
        settings.layoutLocked ||
        settings.boardLocked ||
        settings.phase !== 'open'
      )
        return true;
    }
    const screened = this.intake.peek(this.doc, member, update);
    return screened.unresolved || screened.claims.length > 0 || screened.forgedClients.length > 0;
  }

  /** Client ids claimed since the last call; they are stored with the next update. */
  drainClaims(): ClientClaim[] {
    return this.intake.drainClaims();
  }

  /** Drops what a member that left had waiting. */
  forget(member: RoomMember): void {
    this.intake.forget(member);
  }

  encodeStateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc);
  }

  /** Everything a peer with this state vector lacks. Throws on a malformed state vector. */
  encodeMissing(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size === 0) return this.encodeWholeState();
    const key = Buffer.from(stateVector).toString('base64');
    if (this.lastAnswer?.stateVector === key) return this.lastAnswer.missing;
    const missing = Y.encodeStateAsUpdate(this.doc, stateVector);
    this.lastAnswer = { stateVector: key, missing };
    return missing;
  }

  encodeWholeState(): Uint8Array {
    if (this.wholeState === null) {
      this.wholeState = Y.encodeStateAsUpdate(this.doc);
      this.size = this.wholeState.byteLength;
    }
    return this.wholeState;
  }

  /** Bytes of the document's encoding (see `size`). */
  get byteSize(): number {
    return this.size;
  }

  private changed(): void {
    this.wholeState = null;
    this.lastAnswer = null;
  }

  destroy(): void {
    this.doc.destroy();
  }
}
