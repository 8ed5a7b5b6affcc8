/**
 * The Yjs transaction origin of an edit the server makes itself (a restore of a past moment): stored and
 * relayed to every connection like a client's edit, but never guarded, since no client sent it.
 */
export const serverEditOrigin: unique symbol = Symbol('interplay.serverEdit');
