import { useEffect } from 'react';
import type { BoardActions } from './boardActions.ts';

/** True when the key press belongs to a text field (or a dialog), not the map. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('dialog, [role="dialog"]')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Keyboard shortcuts of the map: O organisation, P person, J project,
 * R relationship, Delete/Backspace delete, Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z
 * or Ctrl+Y redo, F fit view. Ignored while typing. Viewers get only F.
 */
export function useBoardShortcuts(actions: BoardActions, readOnly: boolean): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (event.altKey) return;
      if (mod) {
        if (readOnly) return;
        if (key === 'z' && !event.shiftKey) actions.undo();
        else if ((key === 'z' && event.shiftKey) || key === 'y') actions.redo();
        else return;
        event.preventDefault();
        return;
      }
      if (key === 'f') {
        actions.fitView();
        event.preventDefault();
        return;
      }
      if (readOnly) return;
      switch (key) {
        case 'o':
          actions.addOrganisation();
          break;
        case 'p':
          actions.addPerson();
          break;
        case 'j':
          actions.makeProject();
          break;
        case 'r':
          actions.connectSelected();
          break;
        case 'delete':
        case 'backspace':
          actions.deleteSelection();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, readOnly]);
}
