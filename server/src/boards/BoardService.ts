import { BOARD_ROLES } from '@interplay/shared';
import type { BoardRole } from '@interplay/shared';
import type { BoardRecord, KeyHashes, Storage } from '../storage/Storage.ts';
import {
  generateBoardId,
  generateKey,
  hashKey,
  hashesEqual,
  isValidBoardId,
  isWellFormedKey,
} from './keys.ts';

/** The keys of a board as handed to its facilitator, named as in the HTTP API. */
export interface BoardKeys {
  facilitator: string;
  edit: string;
  view: string;
}

/** Which key the API calls `edit`/`view`/`anonymous` maps to which role. */
export const renewableKeys = { edit: 'editor', view: 'viewer', anonymous: 'anonymous' } as const;
export type RenewableKey = keyof typeof renewableKeys;

export const maxTitleLength = 200;

/** Why an access attempt failed; the HTTP and websocket layers map these to status and close codes. */
export type AccessFailure = 'malformed-id' | 'unknown-board' | 'deleted-board' | 'wrong-key';

export type AccessResult =
  { ok: true; board: BoardRecord; role: BoardRole } | { ok: false; failure: AccessFailure };

/** Called after a key was renewed, so live connections holding the old key can be closed. */
export type KeyRenewedListener = (boardId: string, role: BoardRole) => void | Promise<void>;

/** Board records and access keys; knows nothing about documents. */
export class BoardService {
  private readonly renewListeners = new Set<KeyRenewedListener>();

  constructor(private readonly storage: Storage) {}

  /** `initialState`: the whole first document (a Yjs update) of a board started from a file. */
  async createBoard(
    title: string,
    initialState?: Uint8Array,
  ): Promise<{ board: BoardRecord; keys: BoardKeys }> {
    const keys: BoardKeys = { facilitator: generateKey(), edit: generateKey(), view: generateKey() };
    const board: BoardRecord = {
      id: generateBoardId(),
      title,
      createdAt: new Date().toISOString(),
      keyHashes: {
        facilitator: hashKey(keys.facilitator),
        editor: hashKey(keys.edit),
        viewer: hashKey(keys.view),
        // Made only when the facilitator asks for an anonymised view link.
        anonymous: null,
      },
    };
    await this.storage.createBoard(board, initialState);
    return { board, keys };
  }

  /** Resolves the role a key grants on a board, or why it grants none. */
  async authorize(boardId: string, key: string | null): Promise<AccessResult> {
    if (!isValidBoardId(boardId)) return { ok: false, failure: 'malformed-id' };
    const board = await this.storage.getBoard(boardId);
    if (board === null) {
      const deleted = await this.storage.isDeletedBoard(boardId);
      return { ok: false, failure: deleted ? 'deleted-board' : 'unknown-board' };
    }
    if (key === null || !isWellFormedKey(key)) return { ok: false, failure: 'wrong-key' };
    const hash = hashKey(key);
    const role = BOARD_ROLES.find((candidate) => {
      const stored = board.keyHashes[candidate];
      return stored !== null && hashesEqual(stored, hash);
    });
    return role === undefined ? { ok: false, failure: 'wrong-key' } : { ok: true, board, role };
  }

  /** The board's current key hashes per role; null for an unknown board. */
  async keyHashes(boardId: string): Promise<KeyHashes | null> {
    return (await this.storage.getBoard(boardId))?.keyHashes ?? null;
  }

  /**
   * Replaces the edit, view or anonymised view key with a fresh one (creating the anonymised one the first
   * time) and returns it; the caller has checked the facilitator key.
   * Listeners then close every live connection that was opened with the old key; the key is returned once
   * they are done, and even if one failed (the facilitator must learn the key that is now stored).
   */
  async renewKey(boardId: string, which: RenewableKey): Promise<string> {
    const key = generateKey();
    const role = renewableKeys[which];
    await this.storage.setKeyHash(boardId, role, hashKey(key));
    await Promise.allSettled(Array.from(this.renewListeners, async (listener) => listener(boardId, role)));
    return key;
  }

  onKeyRenewed(listener: KeyRenewedListener): () => void {
    this.renewListeners.add(listener);
    return () => this.renewListeners.delete(listener);
  }
}
