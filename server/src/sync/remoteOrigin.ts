/**
 * The Yjs transaction origin (and awareness origin) of what another server process already checked and
 * stored, or of what the room reads back from storage. The room applies it and relays it to its own
 * connections, and never guards, stores or publishes it again: stored twice, every edit of a board served
 * by several processes would be logged once per process.
 */
export const remoteOrigin: unique symbol = Symbol('interplay.remote');
