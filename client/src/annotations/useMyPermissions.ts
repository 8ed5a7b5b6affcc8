import { useMemo } from 'react';
import { permissionsFor } from '@interplay/shared';
import type { BoardSettings, Permissions } from '@interplay/shared';
import { useBoardView, useBoardViewContext } from '../canvas/BoardViewContext.ts';

const selectSettings = (s: { snapshot: { settings: BoardSettings } }): BoardSettings => s.snapshot.settings;

/**
 * What this page may do now, by the same rules the server enforces
 * (`permissionsFor`), recomputed when the facilitator changes a setting.
 */
export function useMyPermissions(): { permissions: Permissions; settings: BoardSettings } {
  const { session } = useBoardViewContext();
  const settings = useBoardView(selectSettings);
  const permissions = useMemo(() => permissionsFor(session.role, settings), [session.role, settings]);
  return { permissions, settings };
}
