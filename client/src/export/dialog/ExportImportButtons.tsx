import { useEffect, useState } from 'react';
import { useBoardView, useBoardViewContext } from '../../canvas/BoardViewContext.ts';
import { selectSelection, selectSnapshot } from '../../canvas/view/selectors.ts';
import { useFitBoard } from '../../canvas/reactFlow/useFitBoard.ts';
import { useT } from '../../i18n/index.ts';
import { ImportDialog } from '../../import/ImportDialog.tsx';
import { importRefusal } from '../../import/importPermission.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { shownScope } from './shownScope.ts';
import { BOARD_FIT_PADDING } from '../../canvas/fitPadding.ts';
import './exportImport.css';

/**
 * The map's Export and Import buttons and their dialogs. Export is open to
 * everyone (Ctrl/Cmd+E); Import is disabled, with the reason as its
 * description, when this user may not add anything now.
 */
export function ExportImportButtons() {
  const t = useT();
  const { session, undoManager, store } = useBoardViewContext();
  const settings = useBoardView(selectSnapshot).settings;
  const selection = useBoardView(selectSelection);
  const colouredByHealth = useBoardView((s) => s.colourByHealth);
  const view = useBoardView((s) => s.view);
  const fitBoard = useFitBoard();
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const refusal = importRefusal(session.role, settings);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        setOpen('export');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const selectedIds = [
    ...selection.nodeIds,
    ...selection.relationshipIds,
    ...(selection.projectId ? [selection.projectId] : []),
  ];

  return (
    <>
      <div className="ip-xbuttons" role="group" aria-label={`${t('export.button')} / ${t('import.button')}`}>
        <button
          type="button"
          className="ip-tool"
          title={t('export.buttonHint')}
          aria-keyshortcuts="Control+E Meta+E"
          onClick={() => setOpen('export')}
          data-testid="export-button"
        >
          {t('export.button')}
        </button>
        <button
          type="button"
          className="ip-tool"
          title={refusal ? t(refusal) : t('import.buttonHint')}
          aria-description={refusal ? t(refusal) : undefined}
          disabled={refusal !== null}
          onClick={() => setOpen('import')}
          data-testid="import-button"
        >
          {t('import.button')}
        </button>
      </div>
      {open === 'export' && (
        <ExportDialog
          doc={session.doc}
          boardTitle={session.title}
          selection={selectedIds}
          shown={open === 'export' ? shownScope(store.getState().snapshot, view) : null}
          colouredByHealth={colouredByHealth}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'import' && refusal === null && (
        <ImportDialog
          doc={session.doc}
          role={session.role}
          settings={settings}
          beforeApply={() => undoManager?.stopCapturing()}
          onApplied={() => {
            // Wait for the new nodes to be rendered and measured before fitting them in.
            requestAnimationFrame(() =>
              requestAnimationFrame(() =>
                fitBoard({ padding: BOARD_FIT_PADDING, maxZoom: 1.2, duration: 300 }),
              ),
            );
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
