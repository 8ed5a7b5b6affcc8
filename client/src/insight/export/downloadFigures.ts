import { strToU8, zipSync } from 'fflate';
import type { BoardSnapshot } from '@interplay/shared';
import type { Language } from '../../i18n/index.ts';
import { downloadBlob, exportFileName } from '../../export/image/downloadBlob.ts';
import type { InsightFigures } from '../figures/figureTypes.ts';
import { figuresCsv } from './figuresCsv.ts';
import { FIGURES_CSV_WORDS } from './figuresCsvWords.ts';

/**
 * Offers the figures as a zip of CSV tables in `language`, named after the board
 * (`<title>-figures-<date>.zip`, `<title>-cijfers-<date>.zip`). Each file starts with a byte order mark, so
 * Excel reads it as UTF-8.
 */
export function downloadFigures(
  figures: InsightFigures,
  snapshot: BoardSnapshot,
  title: string,
  language: Language,
): void {
  const files = Object.fromEntries(
    Object.entries(figuresCsv(figures, snapshot, language)).map(([file, text]) => [
      file,
      strToU8(`\uFEFF${text}`),
    ]),
  );
  const zip = zipSync(files, { level: 6 });
  downloadBlob(
    new Blob([zip.slice().buffer], { type: 'application/zip' }),
    exportFileName(`${title} ${FIGURES_CSV_WORDS[language].zipName}`, 'zip'),
  );
}
