import { useMemo } from 'react';
import { boardPermissions } from '../canvas/editing/boardPermissions.ts';
import type { BoardPermissionsView } from '../canvas/editing/boardPermissions.ts';
import type { BoardSession } from '../sync/BoardSession.ts';
import { useBoardSettings } from './useBoardSettings.ts';

/**
 * What the current link may do under the board's live settings: the same
 * `permissionsFor` rules the server enforces, so the page disables exactly
 * what would be refused, and `why()` says why. Every canvas control (toolbar,
 * shortcuts, panel fields, connect, double-click add, delete, drag) asks this.
 *
 * @example
 * const can = useBoardPermissions(session);
 * <button disabled={!can.add.person} title={can.why('person') ? t(can.why('person')!) : undefined} />
 */
export function useBoardPermissions(session: BoardSession): BoardPermissionsView {
  const settings = useBoardSettings(session.doc);
  return useMemo(() => boardPermissions(session.role, settings), [session.role, settings]);
}
