import { memo, useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { useMapView, useMapContext } from './MapContext.ts';
import { selectHint } from './view/selectors.ts';
import { ToolbarIcon } from './ToolbarIcons.tsx';
import type { ToolbarIconName } from './ToolbarIcons.tsx';
import type { BoardActions } from './editing/boardActions.ts';

interface ToolButtonProps {
  icon: ToolbarIconName;
  label: MessageKey;
  hint: MessageKey;
  onClick(): void;
  testId: string;
  /** Why the button is disabled now (a lock, a phase), or null when it works. */
  disabledBy?: MessageKey | null;
  /** Icon only (its name stays in the tooltip and the accessible name). */
  iconOnly?: boolean;
}

function ToolButton({
  icon,
  label,
  hint,
  onClick,
  testId,
  disabledBy = null,
  iconOnly = false,
}: ToolButtonProps) {
  const t = useT();
  const title = disabledBy === null ? t(hint) : `${t(disabledBy)} — ${t(hint)}`;
  return (
    <button
      type="button"
      className={iconOnly ? 'ip-tool ip-tool--icon' : 'ip-tool'}
      title={title}
      aria-label={`${t(label)} — ${title}`}
      disabled={disabledBy !== null}
      onClick={onClick}
      data-testid={testId}
    >
      <ToolbarIcon name={icon} />
      {/* On a narrow map the labels collapse to icons (canvas.css). */}
      <span className="ip-tool__label">{t(label)}</span>
    </button>
  );
}

/** The creation buttons, in the order a session usually adds things. */
const CREATE_BUTTONS = [
  { kind: 'organisation', icon: 'organisation', run: (a: BoardActions) => a.addOrganisation() },
  { kind: 'person', icon: 'person', run: (a: BoardActions) => a.addPerson() },
  { kind: 'project', icon: 'project', run: (a: BoardActions) => a.makeProject() },
  { kind: 'relationship', icon: 'relationship', run: (a: BoardActions) => a.connectSelected() },
] as const satisfies ReadonlyArray<{ kind: string; icon: ToolbarIconName; run(a: BoardActions): void }>;

/** A hint is read in a few seconds; left longer, it covers what lies under it. */
const HINT_SHOWN_MS = 8_000;

/** Creation and undo/redo buttons (editors only), with a transient hint line under them. */
export const Toolbar = memo(function Toolbar({
  actions,
  onDismissHint,
}: {
  actions: BoardActions;
  onDismissHint(): void;
}) {
  const t = useT();
  const hint = useMapView(selectHint);
  const { permissions } = useMapContext();
  const { why } = permissions;
  // A hint says why something cannot be done now: it goes when that changes (the phase returns to Open,
  // the lock is lifted), and after a while in any case.
  useEffect(() => {
    if (hint === null) return;
    const timer = setTimeout(onDismissHint, HINT_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [hint, onDismissHint]);
  useEffect(() => onDismissHint(), [permissions, onDismissHint]);
  return (
    <div className="ip-toolbar-wrap">
      <div className="ip-toolbar" role="toolbar" aria-label={t('canvas.toolbar')}>
        {CREATE_BUTTONS.map(({ kind, icon, run }) => (
          <ToolButton
            key={kind}
            icon={icon}
            label={`canvas.add.${kind}`}
            hint={`canvas.add.${kind}Hint`}
            onClick={() => run(actions)}
            testId={`add-${kind}`}
            disabledBy={why(kind)}
          />
        ))}
        <span className="ip-toolbar__sep" aria-hidden="true" />
        <ToolButton
          icon="undo"
          label="canvas.undo"
          hint="canvas.undoHint"
          onClick={actions.undo}
          testId="undo"
          disabledBy={why('edit')}
          iconOnly
        />
        <ToolButton
          icon="redo"
          label="canvas.redo"
          hint="canvas.redoHint"
          onClick={actions.redo}
          testId="redo"
          disabledBy={why('edit')}
          iconOnly
        />
        {/* "Fit" is in the zoom group at the top right, for everyone (F). */}
      </div>
      {hint && (
        <div className="ip-toolbar__hint" role="status">
          <span>{t(hint)}</span>
          <button
            type="button"
            onClick={onDismissHint}
            aria-label={t('canvas.hint.dismiss')}
            title={t('canvas.hint.dismiss')}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
});
