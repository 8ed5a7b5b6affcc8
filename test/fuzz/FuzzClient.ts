import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import {
  addThread,
  localOrigin,
  parseRefusal,
  readBoard,
  refusalReason,
  replyToThread,
} from '@interplay/shared';
import type { Author, BoardRole, BoardSnapshot, MessageId, Scorer, ThreadId } from '@interplay/shared';
import { connectClient } from '../support/syncClient.ts';
import type { SyncClient } from '../support/syncClient.ts';
import type { CommandLog } from './CommandLog.ts';
import type { Need } from './commandContext.ts';
import { shortId } from './CommandLog.ts';
import type { Random } from './random.ts';

/** One board command as a client's page would run it; `run` throws when the command throws. */
export interface Command {
  /** Short name and arguments for the log, e.g. `moveNodes org:1a2b3c→(10,20)`. */
  readonly label: string;
  readonly run: (doc: Y.Doc) => unknown;
}

/** A comment a client wrote with one of its commands, which must be on the board at the end. */
export interface Marker {
  readonly client: string;
  readonly threadId: ThreadId;
  readonly messageId: MessageId;
  /** The command it was written with, for the report. */
  readonly label: string;
}

/** y-protocols' auth message type; its only sub-message is "permission denied" with a reason. */
const messageAuth = 2;
/** Reconnect quickly after a kill: y-websocket backs off up to this long. */
const MAX_BACKOFF_MS = 100;

export interface FuzzClientOptions {
  name: string;
  role: BoardRole;
  key: string;
  random: Random;
  scorer: Scorer;
  /** The browser's id; two clients with one device are two tabs of one browser. */
  device: string;
  log: CommandLog;
}

/**
 * One participant's browser: a real y-websocket provider with its own device id, the
 * role its key grants, and the markers it wrote. Every command runs in one transaction
 * with a marker (a reply on the client's own marker thread), so the server sees both in
 * the same update: if it drops the update instead of reverting only the forbidden part,
 * the marker goes with it and the end check says so.
 */
export class FuzzClient {
  readonly name: string;
  readonly role: BoardRole;
  readonly random: Random;
  readonly scorer: Scorer;
  readonly author: Author;
  readonly markers: Marker[] = [];
  /** Reasons of the permission-denied messages this client received. */
  readonly refusals: string[] = [];
  /**
   * Refusals received while this page's document held nothing it wrote itself (nothing since it loaded
   * from the server): the server judged an update that only repeats what it has, which is a bug.
   */
  readonly spuriousRefusals: string[] = [];
  private sync: SyncClient;
  private readonly log: CommandLog;
  private readonly connect: (doc?: Y.Doc) => SyncClient;
  private markerThread: ThreadId | null = null;
  private commandCount = 0;
  /** Whether the current document holds anything this client wrote (not the case right after a fresh load). */
  private wroteAnything = false;
  /** A view-only page's reload after a refusal is under way. */
  private reloading = false;

  constructor(wsUrl: string, boardId: string, options: FuzzClientOptions) {
    this.name = options.name;
    this.role = options.role;
    this.random = options.random;
    this.scorer = options.scorer;
    this.log = options.log;
    const hue = (options.random.int(0xffffff) | 0x404040).toString(16).padStart(6, '0');
    this.author = { name: options.name, colour: `#${hue}` };
    this.connect = (doc) => {
      const sync = connectClient(wsUrl, boardId, options.key, {
        doc,
        device: options.device,
        maxBackoffTime: MAX_BACKOFF_MS,
      });
      sync.provider.messageHandlers[messageAuth] = (_encoder, decoder) => this.onAuthMessage(decoder);
      return sync;
    };
    this.sync = this.connect();
  }

  get doc(): Y.Doc {
    return this.sync.doc;
  }

  /** Whether the provider should be connected (it may still be reconnecting, e.g. after a kill). */
  get online(): boolean {
    return this.sync.provider.shouldConnect;
  }

  get device(): string {
    return this.sync.device;
  }

  get synced(): boolean {
    return this.sync.provider.synced;
  }

  /** Whether this client's key may edit at all (facilitator or participant); only those write markers. */
  get writesMarkers(): boolean {
    return this.role !== 'viewer';
  }

  /** Commands this client ran (skipped ones included). */
  get commandsRun(): number {
    return this.commandCount;
  }

  whenSynced(timeoutMs?: number): Promise<void> {
    return this.sync.whenSynced(timeoutMs);
  }

  board(): BoardSnapshot {
    return readBoard(this.doc);
  }

  /** Whether the page would offer what needs `need`, judged from this client's own copy of the settings. */
  may(need: Need, board: BoardSnapshot = this.board()): boolean {
    return refusalReason(this.role, board.settings, need) === null;
  }

  /** Starts the free note this client's markers go on (comments are allowed in every phase and lock). */
  createMarkerThread(): ThreadId {
    this.wroteAnything = true;
    this.markerThread = addThread(this.doc, {
      position: { x: -1000, y: this.random.int(1000) },
      author: this.author,
      text: `markers of ${this.name}`,
    });
    this.log.add(this.name, `addThread markers ${shortId(this.markerThread)}`);
    return this.markerThread;
  }

  /**
   * Runs `command` and, in the same transaction, writes a marker. A command that throws
   * (e.g. an id someone else deleted) is skipped: the page would not have offered it.
   */
  perform(command: Command): void {
    this.commandCount += 1;
    this.wroteAnything = true;
    const seq = this.commandCount;
    let outcome = 'ok';
    let marker: MessageId | null = null;
    this.doc.transact(() => {
      try {
        const result = command.run(this.doc);
        if (result === false || result === null) outcome = 'no-op';
      } catch (error) {
        outcome = `skipped (${String(error instanceof Error ? error.message : error).slice(0, 80)})`;
        return;
      }
      if (this.writesMarkers && this.markerThread !== null) {
        marker = replyToThread(this.doc, this.markerThread, {
          author: this.author,
          text: `${this.name}#${seq} ${command.label}`,
        });
      }
    }, localOrigin);
    if (marker !== null && this.markerThread !== null) {
      this.markers.push({
        client: this.name,
        threadId: this.markerThread,
        messageId: marker,
        label: command.label,
      });
    }
    const where = this.online ? '' : ' [offline]';
    this.log.add(this.name, `${command.label} → ${outcome}${marker === null ? '' : ` m#${seq}`}${where}`);
  }

  goOffline(): void {
    if (!this.online) return;
    this.sync.provider.disconnect();
    this.log.add(this.name, 'offline');
  }

  goOnline(): void {
    if (this.online) return;
    this.sync.provider.connect();
    this.log.add(this.name, 'online');
  }

  destroy(): void {
    this.sync.destroy();
  }

  private onAuthMessage(decoder: decoding.Decoder): void {
    decoding.readVarUint(decoder);
    const reason = decoding.readVarString(decoder);
    this.refusals.push(reason);
    if (!this.wroteAnything) this.spuriousRefusals.push(reason);
    const notice = parseRefusal(reason);
    const text =
      notice === null
        ? reason
        : notice.changes
            .map((c) => `${c.action} ${c.subject}${c.id ? ` ${shortId(c.id)}` : ''} (${c.reason})`)
            .join(', ');
    this.log.add(this.name, `refused: ${text}`);
    // Like the page (useBoardSession): a view-only page drops its copy after any refusal, which holds nothing
    // a viewer could keep, and loads the board afresh, once however many notices arrive.
    if (this.role === 'viewer' && !this.reloading) {
      this.reloading = true;
      setTimeout(() => this.reload(false), 0);
    }
  }

  /**
   * The page reloads: a new document (so a new Yjs client id) and provider in the same browser (device).
   * With `keepLocalCopy` the new document starts from the old one, as from the page's offline copy
   * (IndexedDB), so edits the server has not seen yet are sent again, under the old client id.
   */
  reload(keepLocalCopy: boolean): void {
    const online = this.online;
    const saved = keepLocalCopy ? Y.encodeStateAsUpdate(this.doc) : null;
    this.sync.destroy();
    const doc = new Y.Doc();
    if (saved !== null) Y.applyUpdate(doc, saved);
    else this.wroteAnything = false;
    this.reloading = false;
    this.sync = this.connect(doc);
    if (!online) this.sync.provider.disconnect();
    const what = keepLocalCopy ? 'with its local copy' : 'from the server only';
    this.log.add(this.name, `reloaded the page ${what}${online ? '' : ' [offline]'}`);
  }
}
