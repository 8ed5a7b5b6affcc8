/**
 * The words the board's enumerations may be written with in imported files:
 * the model's own value, its English label and its Dutch label (from the
 * product glossary), compared after {@link normaliseWord}.
 */
import { DIRECTIONS, FORMS, RELATIONSHIP_KINDS, ROLES, SECTORS } from '../board/types.ts';
import type { CollaborationForm, Direction, RelationshipKind, Role, Sector } from '../board/types.ts';

/** Lower case, without spaces, punctuation or accents: "Thema's" → "themas", "Last checked" → "lastchecked". */
export function normaliseWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A closed set of values with the English and Dutch words accepted for each. */
export interface Vocabulary<T extends string> {
  readonly values: readonly T[];
  /** Words (besides the value itself) accepted for each value; the first English and Dutch ones are the labels. */
  readonly words: { readonly [K in T]: { readonly en: readonly string[]; readonly nl: readonly string[] } };
}

export const SECTOR_WORDS: Vocabulary<Sector> = {
  values: SECTORS,
  words: {
    municipality: { en: ['municipality'], nl: ['gemeente'] },
    housing: { en: ['housing association', 'housing'], nl: ['woningcorporatie', 'wonen', 'corporatie'] },
    care: { en: ['care provider', 'care'], nl: ['zorg', 'zorgaanbieder'] },
    mentalHealth: { en: ['mental-health care', 'mental health'], nl: ['ggz', 'geestelijke gezondheidszorg'] },
    welfare: { en: ['welfare'], nl: ['welzijn'] },
    education: { en: ['education'], nl: ['onderwijs'] },
    health: {
      en: ['health/GP', 'health', 'GP'],
      nl: ['gezondheid/huisarts', 'gezondheid', 'huisarts', 'gezondheidszorg'],
    },
    business: { en: ['business'], nl: ['bedrijf', 'bedrijfsleven', 'bedrijven'] },
    residents: { en: ["residents' initiative", 'residents'], nl: ['bewonersinitiatief', 'bewoners'] },
    government: {
      en: ['province/national government', 'government', 'province', 'national government'],
      nl: ['provincie/rijk', 'overheid', 'provincie', 'rijk', 'rijksoverheid'],
    },
    knowledge: { en: ['knowledge institute', 'knowledge'], nl: ['kennisinstelling', 'kennis'] },
    other: { en: ['other'], nl: ['overig', 'anders', 'overige'] },
  },
};

export const ROLE_WORDS: Vocabulary<Role> = {
  values: ROLES,
  words: {
    sponsor: { en: ['sponsor'], nl: ['sponsor'] },
    scout: { en: ['scout'], nl: ['verkenner'] },
    connector: { en: ['connector'], nl: ['verbinder'] },
  },
};

export const KIND_WORDS: Vocabulary<RelationshipKind> = {
  values: RELATIONSHIP_KINDS,
  words: {
    collaboration: { en: ['collaboration'], nl: ['samenwerking'] },
    information: {
      en: ['information exchange', 'information'],
      nl: ['informatie-uitwisseling', 'informatie'],
    },
    funding: { en: ['funding'], nl: ['financiering', 'subsidie'] },
    formal: { en: ['formal agreement', 'formal'], nl: ['formele afspraak', 'formeel', 'convenant'] },
    informal: { en: ['informal contact', 'informal'], nl: ['informeel contact', 'informeel'] },
    tension: {
      en: ['tension or conflict', 'tension', 'conflict'],
      nl: ['spanning of conflict', 'spanning', 'conflict'],
    },
  },
};

export const FORM_WORDS: Vocabulary<CollaborationForm> = {
  values: FORMS,
  words: {
    coordinate: { en: ['coordinate'], nl: ['afstemmen'] },
    adjust: { en: ['adjust'], nl: ['aanpassen'] },
    interweave: { en: ['interweave'], nl: ['aaneenvlechten'] },
  },
};

export const DIRECTION_WORDS: Vocabulary<Direction> = {
  values: DIRECTIONS,
  words: {
    none: { en: ['none', 'undirected'], nl: ['geen', 'ongericht'] },
    oneWay: {
      en: ['one way', 'directed', 'source to target'],
      nl: ['eenrichting', 'een richting', 'gericht'],
    },
    bothWays: { en: ['both ways', 'mutual'], nl: ['wederzijds', 'beide richtingen', 'tweerichting'] },
  },
};

const lookups = new WeakMap<Vocabulary<string>, ReadonlyMap<string, string>>();

function lookupOf<T extends string>(vocabulary: Vocabulary<T>): ReadonlyMap<string, T> {
  const cached = lookups.get(vocabulary);
  if (cached) return cached as ReadonlyMap<string, T>;
  const map = new Map<string, T>();
  for (const value of vocabulary.values) {
    const { en, nl } = vocabulary.words[value];
    for (const word of [value, ...en, ...nl]) map.set(normaliseWord(word), value);
  }
  lookups.set(vocabulary, map);
  return map;
}

/** The value a word stands for in either language, or null when it is none of them. */
export function parseWord<T extends string>(vocabulary: Vocabulary<T>, word: string): T | null {
  return lookupOf(vocabulary).get(normaliseWord(word)) ?? null;
}

/** The accepted values for an error message: `municipality (gemeente), housing (woningcorporatie), …`. */
export function describeWords<T extends string>(vocabulary: Vocabulary<T>): string {
  return vocabulary.values.map((value) => `${value} (${vocabulary.words[value].nl[0] ?? value})`).join(', ');
}
