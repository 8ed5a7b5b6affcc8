/**
 * The CSV files and their columns: the English header written on export, and
 * every header (English or Dutch, compared without case, spaces or accents)
 * accepted on import.
 */
import { normaliseWord } from './vocabulary.ts';

export const CSV_KINDS = ['organisations', 'people', 'projects', 'relationships'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export interface CsvColumn {
  /** The field it fills, and the header written on export. */
  readonly field: string;
  readonly required: boolean;
  /** Other headers accepted on import, English and Dutch. */
  readonly aliases: readonly string[];
}

const column = (field: string, required: boolean, ...aliases: string[]): CsvColumn => ({
  field,
  required,
  aliases,
});

const ID = column('id', false, 'identifier');
const NOTES = column(
  'notes',
  false,
  'note',
  'notities',
  'notitie',
  'opmerkingen',
  'opmerking',
  'toelichting',
);
const THEMES = column('themes', false, 'theme', "thema's", 'themas', 'thema');
const X = column('x', false);
const Y = column('y', false);

export const CSV_COLUMNS: Readonly<Record<CsvKind, readonly CsvColumn[]>> = {
  organisations: [
    ID,
    column('name', true, 'naam', 'organisation', 'organization', 'organisatie'),
    column('sector', true),
    THEMES,
    NOTES,
    X,
    Y,
  ],
  people: [
    ID,
    column('name', true, 'naam', 'person', 'persoon'),
    column('organisation', false, 'organization', 'organisatie', 'organisationId', 'organisatie-id'),
    column(
      'roles',
      false,
      'role',
      'network roles',
      'network role',
      'rollen',
      'rol',
      'netwerkrol',
      'netwerkrollen',
    ),
    NOTES,
    X,
    Y,
  ],
  projects: [
    ID,
    column('name', true, 'naam', 'project', 'netwerk'),
    column('colour', false, 'color', 'kleur'),
    column('description', false, 'beschrijving', 'omschrijving'),
    THEMES,
    column('members', false, 'memberIds', 'leden', 'deelnemers'),
  ],
  relationships: [
    ID,
    column('source', true, 'from', 'van', 'bron'),
    column('target', true, 'to', 'naar', 'doel'),
    column('strength', false, 'weight', 'sterkte'),
    column('kind', false, 'type', 'soort', 'soort relatie'),
    column('form', false, 'form of collaboration', 'samenwerkingsvorm', 'vorm'),
    column('direction', false, 'richting'),
    // The interface's own words count too: the side panel's and the health table's headings.
    column(
      'lastChecked',
      false,
      'last checked',
      'last checked together',
      'laatst gecontroleerd',
      'laatst gecheckt',
      'laatst samen gecheckt',
      'onderhoud',
      'laatste controle',
    ),
    NOTES,
  ],
};

/** File names (without extension) that tell which kind a CSV file holds, English and Dutch. */
const FILE_WORDS: Readonly<Record<CsvKind, readonly string[]>> = {
  organisations: ['organisations', 'organizations', 'organisaties', 'organisatie', 'organisation'],
  people: ['people', 'persons', 'personen', 'persoon', 'person', 'mensen'],
  projects: ['projects', 'projecten', 'project', 'netwerken'],
  relationships: ['relationships', 'relations', 'relaties', 'relatie', 'relationship', 'edges'],
};

/** The English file name written on export. */
export function csvFileName(kind: CsvKind): string {
  return `${kind}.csv`;
}

/**
 * Which kind a file holds: by its name first (`organisaties.csv`,
 * `board-people.csv`), else by its headers (only relationships have a
 * source column; only people have a roles or organisation column…).
 */
export function detectCsvKind(fileName: string, headers: readonly string[]): CsvKind | null {
  const base = normaliseWord(fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''));
  for (const kind of CSV_KINDS) {
    if (FILE_WORDS[kind].some((word) => base.endsWith(normaliseWord(word)))) return kind;
  }
  const fields = new Set<string>();
  for (const kind of CSV_KINDS)
    for (const header of headers) {
      const match = matchHeader(kind, header);
      if (match) fields.add(`${kind}.${match.field}`);
    }
  if (fields.has('relationships.source')) return 'relationships';
  if (fields.has('people.roles') || fields.has('people.organisation')) return 'people';
  if (fields.has('organisations.sector')) return 'organisations';
  if (fields.has('projects.members') || fields.has('projects.colour')) return 'projects';
  return null;
}

/** The column a header stands for in a file of this kind, or null. */
export function matchHeader(kind: CsvKind, header: string): CsvColumn | null {
  const word = normaliseWord(header);
  if (word === '') return null;
  return (
    CSV_COLUMNS[kind].find(
      (c) => normaliseWord(c.field) === word || c.aliases.some((a) => normaliseWord(a) === word),
    ) ?? null
  );
}
