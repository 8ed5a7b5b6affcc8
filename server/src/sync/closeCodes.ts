/**
 * Websocket close codes the server uses. The 4000s before a connection is accepted follow the shared
 * contract; y-websocket 3 treats 4400–4499 as permanent (no reconnect) and every other code as transient.
 */
export const closeCodes = {
  /** Server restarting (SIGTERM): clients should reconnect. */
  restart: 1012,
  /** Frame larger than MAX_MESSAGE_BYTES (sent by `ws` itself). */
  tooLarge: 1009,
  /** Storage failed; the board is dropped from memory and reloaded on reconnect. */
  internalError: 1011,
  /**
   * Storage is full: the connection's last changes were not saved. Its page keeps them, says the server
   * cannot save, and reconnects after a longer pause to send them again.
   */
  cannotSave: 4507,
  malformedBoardId: 4000,
  wrongKey: 4003,
  unknownBoard: 4004,
  /** The board was deleted by its facilitator (permanent: 44xx). */
  boardDeleted: 4410,
  /** A message that could not be decoded, of an unknown type, or an update Yjs cannot apply. */
  badMessage: 4400,
  /**
   * The update would grow the board beyond MAX_BOARD_BYTES; it was not applied. Permanent (44xx): the
   * page keeps it in its own copy and says why instead of sending it again and again.
   */
  boardFull: 4413,
  /** The connection sent more messages, bytes or sync requests than its limits allow; it may reconnect. */
  rateLimited: 4529,
  /** The connection did not read what we sent it fast enough; it may reconnect. */
  tooSlow: 4508,
} as const;
