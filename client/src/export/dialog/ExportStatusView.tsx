import { useT } from '../../i18n/index.ts';

/** Where an export stands, as the dialog shows it. */
export type ExportStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly fraction: number }
  | { readonly kind: 'done'; readonly name: string; readonly scaledDown: string | null }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/** Progress, the file made (and whether its scale was lowered), a cancel or a failure; announced to screen readers. */
export function ExportStatusView({ status }: { readonly status: ExportStatus }) {
  const t = useT();
  return (
    <>
      <div role="status" aria-live="polite" className="ip-xdialog__status" data-testid="export-status">
        {status.kind === 'working' && (
          <>
            <progress max={1} value={status.fraction} aria-label={t('export.working', { percent: '' })} />
            <span>{t('export.working', { percent: Math.round(status.fraction * 100) })}</span>
          </>
        )}
        {status.kind === 'done' && <span>{t('export.done', { name: status.name })}</span>}
        {status.kind === 'cancelled' && <span>{t('export.cancelled')}</span>}
      </div>
      {status.kind === 'done' && status.scaledDown && (
        <p className="ip-xdialog__warning" role="alert" data-testid="export-scaled-down">
          {status.scaledDown}
        </p>
      )}
      {status.kind === 'failed' && (
        <p className="ip-xdialog__error" role="alert">
          {t('export.failed', { message: status.message })}
        </p>
      )}
    </>
  );
}
