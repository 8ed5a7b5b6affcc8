import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/index.ts';
import { presentModeStore, setPresentMode, usePresentMode } from './presentMode.ts';

/** True when the key press belongs to a text field or a dialog, not the page. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('dialog, [role="dialog"]')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Present mode for the projector: full screen where the browser allows it,
 * header, panels, toolbar and minimap hidden (`html.ip-present` in
 * facilitation.css), larger labels, and a small exit button. Shift+P toggles,
 * Escape leaves; leaving the browser's full screen leaves present mode too.
 */
export function PresentMode() {
  const t = useT();
  const present = usePresentMode();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey)
        return;
      if (event.shiftKey && event.key.toLowerCase() === 'p') {
        setPresentMode(!presentModeStore.getState().present);
        event.preventDefault();
      } else if (event.key === 'Escape' && presentModeStore.getState().present) {
        setPresentMode(false);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (!present) return;
    const root = document.documentElement;
    root.classList.add('ip-present');
    // Full screen needs a user gesture and may be refused (headless, iframes): present mode works without it.
    if (!document.fullscreenElement && typeof root.requestFullscreen === 'function') {
      root.requestFullscreen().catch(() => undefined);
    }
    const onFullscreenChange = (): void => {
      if (!document.fullscreenElement) setPresentMode(false);
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      root.classList.remove('ip-present');
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, [present]);

  if (!present) return null;
  return createPortal(
    <button
      type="button"
      className="ip-present-exit"
      onClick={() => setPresentMode(false)}
      title={t('facilitation.present.exitHint')}
      aria-label={t('facilitation.present.exitHint')}
      data-testid="present-exit"
    >
      {t('facilitation.present.exit')}
    </button>,
    document.body,
  );
}
