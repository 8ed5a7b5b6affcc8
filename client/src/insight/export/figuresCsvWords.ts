import type { Role } from '@interplay/shared';
import type { Language } from '../../i18n/index.ts';

/** The tables of the figures export, by the file each one becomes. */
export type FigureTable =
  | 'summary'
  | 'brokers'
  | 'weakSpots'
  | 'isolated'
  | 'weaklyTied'
  | 'overlapMembers'
  | 'overlapProjects'
  | 'roleCoverage'
  | 'maintenance'
  | 'health'
  | 'giveTake'
  | 'clusters';

type SummaryMeasure =
  | 'organisations'
  | 'people'
  | 'linkedPairs'
  | 'groups'
  | 'density'
  | 'averageDegree'
  | 'atMostOne'
  | 'modularity'
  | 'date';

/** Every word of the figures export in one language, and how its files are separated. */
export interface FiguresCsvWords {
  /** Dutch Excel reads `;`-separated files with decimal commas; English spreadsheets read `,` and points. */
  readonly separator: ',' | ';';
  readonly decimalComma: boolean;
  /** The zip's name after the board's title. */
  readonly zipName: string;
  readonly files: Readonly<Record<FigureTable, string>>;
  readonly headers: Readonly<Record<FigureTable, readonly string[]>>;
  readonly measures: Readonly<Record<SummaryMeasure, string>>;
  readonly kinds: Readonly<Record<'organisation' | 'person', string>>;
  readonly lists: Readonly<Record<'boardMean' | 'lowestMean' | 'widestSpread', string>>;
  readonly roles: Readonly<Record<Role, string>>;
}

const EN: FiguresCsvWords = {
  separator: ',',
  decimalComma: false,
  zipName: 'figures',
  files: {
    summary: 'summary.csv',
    brokers: 'brokers.csv',
    weakSpots: 'weak-spots.csv',
    isolated: 'isolated.csv',
    weaklyTied: 'weakly-tied.csv',
    overlapMembers: 'overlap-members.csv',
    overlapProjects: 'overlap-projects.csv',
    roleCoverage: 'role-coverage.csv',
    maintenance: 'maintenance.csv',
    health: 'health.csv',
    giveTake: 'give-take.csv',
    clusters: 'clusters.csv',
  },
  headers: {
    summary: ['measure', 'value'],
    brokers: ['rank', 'id', 'name', 'kind', 'betweenness (normalised)'],
    weakSpots: ['id', 'name', 'kind', 'others cut off'],
    isolated: ['id', 'name', 'kind'],
    weaklyTied: ['id', 'name', 'kind'],
    overlapMembers: ['id', 'name', 'kind', 'projects', 'project count'],
    overlapProjects: ['project a', 'project b', 'shared members', 'shared themes', 'member count'],
    roleCoverage: ['project', 'sponsors', 'scouts', 'connectors', 'missing'],
    maintenance: ['relationship id', 'source', 'target', 'last checked', 'days since'],
    health: ['list', 'relationship id', 'source', 'target', 'dimension', 'value'],
    giveTake: ['id', 'name', 'brings', 'takes', 'balance'],
    clusters: ['cluster', 'id', 'name', 'kind'],
  },
  measures: {
    organisations: 'organisations',
    people: 'people',
    linkedPairs: 'linked pairs',
    groups: 'separate groups',
    density: 'density',
    averageDegree: 'average relationships per node',
    atMostOne: 'organisations with one relationship or none',
    modularity: 'cluster modularity',
    date: 'date',
  },
  kinds: { organisation: 'organisation', person: 'person' },
  lists: { boardMean: 'board mean', lowestMean: 'lowest mean', widestSpread: 'widest spread' },
  roles: { sponsor: 'sponsor', scout: 'scout', connector: 'connector' },
};

const NL: FiguresCsvWords = {
  separator: ';',
  decimalComma: true,
  zipName: 'cijfers',
  files: {
    summary: 'samenvatting.csv',
    brokers: 'bruggenbouwers.csv',
    weakSpots: 'kwetsbare-schakels.csv',
    isolated: 'geisoleerd.csv',
    weaklyTied: 'alleen-zwakke-banden.csv',
    overlapMembers: 'overlap-leden.csv',
    overlapProjects: 'overlap-projecten.csv',
    roleCoverage: 'rollen-per-project.csv',
    maintenance: 'onderhoud.csv',
    health: 'gezondheid.csv',
    giveTake: 'geven-en-nemen.csv',
    clusters: 'clusters.csv',
  },
  headers: {
    summary: ['maat', 'waarde'],
    brokers: ['plaats', 'id', 'naam', 'soort', 'tussenliggendheid (genormaliseerd)'],
    weakSpots: ['id', 'naam', 'soort', 'anderen afgesneden'],
    isolated: ['id', 'naam', 'soort'],
    weaklyTied: ['id', 'naam', 'soort'],
    overlapMembers: ['id', 'naam', 'soort', 'projecten', 'aantal projecten'],
    overlapProjects: ['project a', 'project b', 'gedeelde leden', "gedeelde thema's", 'aantal leden'],
    roleCoverage: ['project', 'sponsors', 'verkenners', 'verbinders', 'ontbreekt'],
    maintenance: ['relatie-id', 'van', 'naar', 'laatst gecheckt', 'dagen geleden'],
    health: ['lijst', 'relatie-id', 'van', 'naar', 'dimensie', 'waarde'],
    giveTake: ['id', 'naam', 'brengt', 'neemt', 'saldo'],
    clusters: ['cluster', 'id', 'naam', 'soort'],
  },
  measures: {
    organisations: 'organisaties',
    people: 'personen',
    linkedPairs: 'verbonden paren',
    groups: 'losse groepen',
    density: 'dichtheid',
    averageDegree: 'gemiddeld aantal relaties per knoop',
    atMostOne: 'organisaties met één relatie of geen',
    modularity: 'modulariteit van de clusters',
    date: 'datum',
  },
  kinds: { organisation: 'organisatie', person: 'persoon' },
  lists: {
    boardMean: 'gemiddelde van het bord',
    lowestMean: 'laagste gemiddelde',
    widestSpread: 'grootste spreiding',
  },
  roles: { sponsor: 'sponsor', scout: 'verkenner', connector: 'verbinder' },
};

export const FIGURES_CSV_WORDS: Readonly<Record<Language, FiguresCsvWords>> = { en: EN, nl: NL };
