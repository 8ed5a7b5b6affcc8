import { isEmptyImportPlan } from '@interplay/shared/formats/index';
import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { ImportErrorList } from './ImportErrorList.tsx';
import type { ImportedKind } from './importPermission.ts';
import { ImportPreview } from './ImportPreview.tsx';
import type { ImportStep } from './useImportSteps.ts';

const KIND_WORD: Record<ImportedKind, MessageKey> = {
  score: 'import.kindWord.score',
  organisation: 'import.kind.organisations',
  person: 'import.kind.people',
  project: 'import.kind.projects',
  relationship: 'import.kind.relationships',
};

interface ImportStepViewProps {
  readonly step: ImportStep;
  /** Kinds in the preview that the user's role may not change. */
  readonly forbidden: readonly ImportedKind[];
}

/**
 * What the import dialog shows under the drop zone: reading progress, the
 * file's errors, or the preview. The status region is always rendered so
 * screen readers announce the progress when it appears.
 */
export function ImportStepView({ step, forbidden }: ImportStepViewProps) {
  const t = useT();
  return (
    <>
      <div role="status" aria-live="polite" className="ip-xdialog__status" data-testid="import-status">
        {step.kind === 'reading' && (
          <>
            <progress aria-label={t('import.reading', { files: step.files })} />
            <span>{t('import.reading', { files: step.files })}</span>
          </>
        )}
      </div>
      {step.kind === 'errors' && (
        <div className="ip-xdialog__error" role="alert" data-testid="import-errors">
          <h3 className="ip-import__subheading">{t('import.errorsHeading')}</h3>
          <ImportErrorList errors={step.errors} />
        </div>
      )}
      {step.kind === 'failed' && (
        <p className="ip-xdialog__error" role="alert" data-testid="import-errors">
          {t('import.applyFailed', { message: step.message })}
        </p>
      )}
      {step.kind === 'preview' && (
        <>
          <ImportPreview plan={step.plan} snapshot={step.snapshot} />
          {isEmptyImportPlan(step.plan) && <p role="status">{t('import.nothing')}</p>}
          {forbidden.length > 0 && (
            <p className="ip-xdialog__error" role="alert">
              {t('import.notAllowed', {
                kinds: forbidden.map((k) => t(KIND_WORD[k]).toLowerCase()).join(', '),
              })}
            </p>
          )}
        </>
      )}
    </>
  );
}
