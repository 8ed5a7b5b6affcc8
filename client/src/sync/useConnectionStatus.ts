import { useStore } from 'zustand';
import type { BoardSession } from './BoardSession.ts';
import type { ConnectionState } from './connectionStatus.ts';

const selectAll = (state: ConnectionState): ConnectionState => state;

/** The session's connection state; re-renders on every change. */
export function useConnectionStatus(session: BoardSession): ConnectionState {
  return useStore(session.connection, selectAll);
}
