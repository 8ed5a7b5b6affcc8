/** Data export and import: JSON, CSV (and zip), GraphML, GEXF, and the import preview/apply. */
export {
  IMPORT_ERROR_CODES,
  type ImportError,
  type ImportErrorCode,
  type ImportErrorParams,
  type FormatResult,
  formatImportError,
} from './importError.ts';
export { MAX_IMPORT_FILE_BYTES, checkFileSize, decodeTextFile } from './decodeTextFile.ts';
export type { ParsedBoard, SourceRef } from './parsedBoard.ts';
export { migrateBoardFile } from './boardJsonSchema.ts';
export {
  BOARD_JSON_FORMAT,
  BOARD_JSON_SCHEMA_VERSION,
  exportBoardJson,
  parseBoardJson,
  parseBoardJsonFile,
  parseBoardJsonValue,
} from './boardJson.ts';
export { CSV_COLUMNS, CSV_KINDS, type CsvKind, csvFileName } from './csvColumns.ts';
export {
  exportBoardCsv,
  exportBoardCsvZip,
  exportCsvFile,
  csvFileNameIn,
  type CsvLanguage,
} from './exportBoardCsv.ts';
export {
  type CsvParseResult,
  type ImportFile,
  type PartialCsvBoard,
  parseBoardCsv,
  parseBoardCsvTexts,
  unzipCsv,
} from './parseBoardCsv.ts';
export { exportGraphml } from './exportGraphml.ts';
export { exportGexf } from './exportGexf.ts';
export {
  type ImportPlan,
  type ImportSummaryKind,
  type PlanRef,
  isEmptyImportPlan,
  summariseImportPlan,
} from './importPlan.ts';
export { planImport } from './planImport.ts';
export { type AppliedIds, type ApplyImportOptions, applyImportPlan } from './applyImportPlan.ts';
export { layoutNewNodes } from './layoutNewNodes.ts';
export { boardStateFromFile } from './boardStateFromFile.ts';
export {
  SECTOR_WORDS,
  ROLE_WORDS,
  KIND_WORDS,
  FORM_WORDS,
  DIRECTION_WORDS,
  parseWord,
} from './vocabulary.ts';
