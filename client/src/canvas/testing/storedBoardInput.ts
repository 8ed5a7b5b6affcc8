/** What a browser test puts on the stored-board page (`storedBoardPage.tsx`) before its script runs. */
export interface StoredBoardInput {
  /** `Y.encodeStateAsUpdate` of the board, as numbers. */
  readonly update: readonly number[];
  /** The view: ids to hide and to dim (everything is shown by name when absent). */
  readonly hidden?: readonly string[];
  readonly dimmed?: readonly string[];
}

declare global {
  interface Window {
    __storedBoard?: StoredBoardInput;
  }
}
