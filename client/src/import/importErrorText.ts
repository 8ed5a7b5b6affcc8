import type { ImportError, ImportErrorCode } from '@interplay/shared/formats/index';
import type { MessageKey, Translate } from '../i18n/index.ts';

/** The sentence for each code; `satisfies` makes a new code in `shared` a type error here until it has one. */
const ERROR_KEYS = {
  'file.tooLarge': 'import.error.file.tooLarge',
  'encoding.utf16': 'import.error.encoding.utf16',
  'encoding.binary': 'import.error.encoding.binary',
  'encoding.invalidUtf8': 'import.error.encoding.invalidUtf8',
  'zip.unreadable': 'import.error.zip.unreadable',
  'zip.noCsv': 'import.error.zip.noCsv',
  'csv.malformed': 'import.error.csv.malformed',
  'csv.unknownFile': 'import.error.csv.unknownFile',
  'csv.duplicateColumn': 'import.error.csv.duplicateColumn',
  'csv.missingColumns': 'import.error.csv.missingColumns',
  'csv.positionHalf': 'import.error.csv.positionHalf',
  'value.emptyName': 'import.error.value.emptyName',
  'value.tooLong': 'import.error.value.tooLong',
  'value.themeTooLong': 'import.error.value.themeTooLong',
  'value.tooManyThemes': 'import.error.value.tooManyThemes',
  'value.unknown': 'import.error.value.unknown',
  'value.strength': 'import.error.value.strength',
  'value.coordinate': 'import.error.value.coordinate',
  'value.colour': 'import.error.value.colour',
  'value.date': 'import.error.value.date',
  'json.invalid': 'import.error.json.invalid',
  'json.notBoard': 'import.error.json.notBoard',
  'json.newerVersion': 'import.error.json.newerVersion',
  'json.schema': 'import.error.json.schema',
  'json.expectedType': 'import.error.json.expectedType',
  'json.expectedOneOf': 'import.error.json.expectedOneOf',
  'json.duplicateId': 'import.error.json.duplicateId',
  'json.missingReference': 'import.error.json.missingReference',
  'ref.sameEnds': 'import.error.ref.sameEnds',
  'ref.missing': 'import.error.ref.missing',
  'ref.ambiguous': 'import.error.ref.ambiguous',
  'match.otherKind': 'import.error.match.otherKind',
  'match.ambiguousName': 'import.error.match.ambiguousName',
  'match.repeated': 'import.error.match.repeated',
  'match.duplicateName': 'import.error.match.duplicateName',
  'import.jsonWithOthers': 'import.error.import.jsonWithOthers',
} as const satisfies Record<ImportErrorCode, MessageKey>;

/** Words the formats put in params (`what`, `kind`), as the model names them. */
const WORD_KEYS: Readonly<Record<string, MessageKey>> = {
  organisation: 'import.what.organisation',
  person: 'import.what.person',
  project: 'import.what.project',
  relationship: 'import.what.relationship',
  node: 'import.what.node',
  entity: 'import.what.entity',
  sector: 'import.what.sector',
  role: 'import.what.role',
  'kind of relationship': 'import.what.kind',
  'form of collaboration': 'import.what.form',
  direction: 'import.what.direction',
};

/**
 * One error as one line in the interface language: `organisaties.csv, rij 3,
 * kolom "Sector": onbekende sector …`. File names and columns stay as written
 * in the file; a code without a sentence here falls back to the English text.
 */
export function importErrorText(error: ImportError, t: Translate): string {
  const key = (ERROR_KEYS as Readonly<Record<string, MessageKey>>)[error.code];
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) {
    const word =
      (name === 'what' || name === 'kind') && typeof value === 'string' ? WORD_KEYS[value] : undefined;
    params[name] = word === undefined ? value : t(word);
  }
  const reason = key === undefined ? t('import.error.generic', { message: error.message }) : t(key, params);
  const where = [
    error.file,
    error.row === undefined ? undefined : t('import.where.row', { row: error.row }),
    error.column === undefined ? undefined : t('import.where.column', { column: error.column }),
  ].filter((part): part is string => part !== undefined);
  return where.length > 0 ? `${where.join(', ')}: ${reason}` : reason;
}
