import type { BoardSnapshot } from '@interplay/shared';
import {
  exportBoardCsvZip,
  exportBoardJson,
  exportCsvFile,
  exportGexf,
  exportGraphml,
} from '@interplay/shared/formats/index';
import type { CsvKind, CsvLanguage } from '@interplay/shared/formats/index';
import type { MessageKey } from '../../i18n/index.ts';

export const DATA_FORMATS = [
  'json',
  'csvZip',
  'organisations',
  'people',
  'projects',
  'relationships',
  'graphml',
  'gexf',
] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export const DATA_FORMAT_LABEL: Record<DataFormat, MessageKey> = {
  json: 'export.data.json',
  csvZip: 'export.data.csvZip',
  organisations: 'export.data.organisations',
  people: 'export.data.people',
  projects: 'export.data.projects',
  relationships: 'export.data.relationships',
  graphml: 'export.data.graphml',
  gexf: 'export.data.gexf',
};

const CSV_KIND_OF: Partial<Record<DataFormat, CsvKind>> = {
  organisations: 'organisations',
  people: 'people',
  projects: 'projects',
  relationships: 'relationships',
};

/** The file name's ending after the board slug and date, e.g. `-people.csv` or `.json`. */
export function dataFileSuffix(format: DataFormat): { suffix: string; extension: string } {
  const kind = CSV_KIND_OF[format];
  if (kind) return { suffix: `-${kind}`, extension: 'csv' };
  if (format === 'csvZip') return { suffix: '-csv', extension: 'zip' };
  return { suffix: '', extension: format };
}

/**
 * The board's data in `format`, as a file to download. CSV files are in the interface's language (Dutch
 * headers, words and separators for a Dutch interface); the other formats are for programs, in English.
 */
export function exportData(
  snapshot: BoardSnapshot,
  format: DataFormat,
  title: string,
  language: CsvLanguage = 'en',
): Blob {
  const kind = CSV_KIND_OF[format];
  if (kind) {
    // A byte-order mark so spreadsheet programs read accents as UTF-8.
    return new Blob(['\uFEFF', exportCsvFile(snapshot, kind, language)], { type: 'text/csv;charset=utf-8' });
  }
  switch (format) {
    case 'json':
      return new Blob([exportBoardJson(snapshot, { title })], { type: 'application/json' });
    case 'csvZip': {
      const zip = exportBoardCsvZip(snapshot, language);
      return new Blob([zip.slice().buffer], { type: 'application/zip' });
    }
    case 'graphml':
      return new Blob([exportGraphml(snapshot)], { type: 'application/graphml+xml' });
    default:
      return new Blob([exportGexf(snapshot)], { type: 'application/gexf+xml' });
  }
}
