import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { keepTabInside } from '../../app/common/keepTabInside.ts';

interface DialogFrameProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly testId: string;
  /** Called for Enter outside buttons, links and text areas (the dialog's primary action). */
  readonly onConfirm?: () => void;
}

/**
 * A modal dialog: Escape closes, Enter confirms, focus moves in on open, stays inside
 * (Tab wraps around) and goes back to where it was on close, a click on the backdrop closes it.
 */
export function DialogFrame({ title, onClose, children, testId, onConfirm }: DialogFrameProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first =
      ref.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      ref.current?.querySelector<HTMLElement>('button, input, select');
    first?.focus();
    return () => previous?.focus();
  }, []);
  // Escape on the window, not only inside the dialog: a button disabled while working drops the focus to the page.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      close.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  // A portal: the buttons sit in a React Flow panel, whose stacking context would put the minimap above the dialog.
  return createPortal(
    <div
      className="modal-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        className="modal ip-xdialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid={testId}
        onKeyDown={(event) => {
          keepTabInside(event, ref.current);
          const target = event.target as HTMLElement;
          if (
            event.key === 'Enter' &&
            onConfirm &&
            !['BUTTON', 'A', 'TEXTAREA'].includes(target.tagName) &&
            !event.nativeEvent.isComposing
          ) {
            event.preventDefault();
            onConfirm();
          }
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
