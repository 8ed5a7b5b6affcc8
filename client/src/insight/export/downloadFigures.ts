import { strToU8, zipSync } from 'fflate';
import type { BoardSnapshot } from '@interplay/shared';
import { downloadBlob, exportFileName } from '../../export/image/downloadBlob.ts';
import type { InsightFigures } from '../figures/figureTypes.ts';
import { figuresCsv } from './figuresCsv.ts';

/** Offers the figures as a zip of CSV tables named after the board (`<title>-figures-<date>.zip`). */
export function downloadFigures(figures: InsightFigures, snapshot: BoardSnapshot, title: string): void {
  const files = Object.fromEntries(
    Object.entries(figuresCsv(figures, snapshot)).map(([file, text]) => [file, strToU8(`\uFEFF${text}`)]),
  );
  const zip = zipSync(files, { level: 6 });
  downloadBlob(
    new Blob([zip.slice().buffer], { type: 'application/zip' }),
    exportFileName(`${title} figures`, 'zip'),
  );
}
