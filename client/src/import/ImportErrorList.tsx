import type { ImportError } from '@interplay/shared/formats/index';
import { useT } from '../i18n/index.ts';
import { importErrorText } from './importErrorText.ts';

/** Errors shown in full; more are counted. */
const SHOWN_ERRORS = 20;

/** A refused file's errors, each with file, row, column and what was expected, in the interface's language. */
export function ImportErrorList({ errors }: { errors: readonly ImportError[] }) {
  const t = useT();
  return (
    <>
      <ul>
        {errors.slice(0, SHOWN_ERRORS).map((error, i) => (
          <li key={i}>{importErrorText(error, t)}</li>
        ))}
      </ul>
      {errors.length > SHOWN_ERRORS && (
        <p>{t('import.moreErrors', { count: errors.length - SHOWN_ERRORS })}</p>
      )}
    </>
  );
}
