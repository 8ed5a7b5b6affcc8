import type * as Y from 'yjs';
import { addOrganisation, addPerson, addProject, connect } from '@interplay/shared';
import type {
  CollaborationForm,
  Direction,
  NodeId,
  OrganisationId,
  RelationshipKind,
  Role,
  Sector,
  Strength,
} from '@interplay/shared';

/**
 * A realistic regional network (housing, care, education and health around
 * one municipality): 25 organisations of every sector, 15 people with network
 * roles, 4 overlapping projects and 40 relationships of mixed kind, strength,
 * form and direction. Built only through the model's commands; laid out so
 * each project occupies a quadrant and the shared members sit in the middle.
 */
const ORGANISATIONS: ReadonlyArray<readonly [string, Sector, number, number]> = [
  ['Gemeente Zwolle', 'municipality', 700, 560],
  ['Provincie Overijssel', 'government', 700, 240],
  ['Woonstichting De Veste', 'housing', 80, 40],
  ['Openbaar Belang', 'housing', 400, 0],
  ['Zorggroep IJsselheem', 'care', 60, 300],
  ['Welzijn Zwolle-Zuid', 'welfare', 380, 320],
  ['GGZ Midden-IJssel', 'mentalHealth', 1020, 20],
  ['Verslavingszorg Noord', 'mentalHealth', 1360, 60],
  ['Leger des Heils Oost', 'other', 1380, 330],
  ['Stichting Wijkracht', 'welfare', 1040, 330],
  ['Woonstichting SWZ', 'housing', 1200, 180],
  ['Landstede MBO', 'education', 60, 820],
  ['Hogeschool Windesheim', 'education', 400, 900],
  ['Bouwbedrijf Kroeze', 'business', 40, 1100],
  ['Installatiebedrijf Dijkman', 'business', 360, 1180],
  ['GGD IJsselland', 'health', 1020, 820],
  ['Huisartsenpraktijk Assendorp', 'health', 1360, 860],
  ['Isala Kinderzorg', 'care', 1260, 1120],
  ['Carmel College Salland', 'education', 720, 1100],
  ['Gemeente Kampen', 'municipality', -340, 260],
  ['Gemeente Dalfsen', 'municipality', 1740, 600],
  ['Ministerie van BZK', 'government', 1760, 160],
  ['Kennisinstituut Movisie', 'knowledge', -340, 880],
  ['Bewonersvereniging Holtenbroek', 'residents', -340, 560],
  ['Rabobank Salland', 'business', 720, 1380],
];

const PEOPLE: ReadonlyArray<readonly [string, string, readonly Role[], number, number]> = [
  ['Anna de Vries', 'Gemeente Zwolle', ['sponsor', 'connector'], -20, 110],
  ['Mohamed El Amrani', 'Gemeente Zwolle', ['scout'], 130, 110],
  ['Petra Jansen', 'Woonstichting De Veste', ['connector'], 40, 100],
  ['Joost van Dijk', 'Openbaar Belang', ['sponsor'], 40, 100],
  ['Fatima Yılmaz', 'Zorggroep IJsselheem', ['scout', 'connector'], 40, 100],
  ['Henk Bos', 'Welzijn Zwolle-Zuid', ['connector'], 40, 100],
  ['Ingrid Mulder', 'GGZ Midden-IJssel', ['sponsor', 'scout'], -40, 100],
  ['Sanne Visser', 'Leger des Heils Oost', ['connector'], 40, 100],
  ['Kees de Boer', 'Landstede MBO', ['scout'], 40, 100],
  ['Lotte Smit', 'Hogeschool Windesheim', ['scout', 'connector'], 40, 100],
  ['Ruud Meijer', 'Bouwbedrijf Kroeze', ['sponsor'], 40, 100],
  ['Ellen Hoekstra', 'GGD IJsselland', ['connector'], 40, 100],
  ['Bram Kuipers', 'Huisartsenpraktijk Assendorp', ['scout'], 40, 100],
  ['Marieke Dekker', 'Provincie Overijssel', ['sponsor'], 60, -110],
  ['Yusuf Demir', 'Bewonersvereniging Holtenbroek', ['connector', 'scout'], 40, 100],
];

const PROJECTS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  [
    'Thuis in de wijk',
    '#3b82f6',
    [
      'Gemeente Zwolle',
      'Provincie Overijssel',
      'Woonstichting De Veste',
      'Openbaar Belang',
      'Zorggroep IJsselheem',
      'Welzijn Zwolle-Zuid',
      'Petra Jansen',
      'Fatima Yılmaz',
    ],
  ],
  [
    'Beschermd wonen regio Zwolle',
    '#ec4899',
    [
      'Gemeente Zwolle',
      'Provincie Overijssel',
      'GGZ Midden-IJssel',
      'Verslavingszorg Noord',
      'Leger des Heils Oost',
      'Stichting Wijkracht',
      'Woonstichting SWZ',
      'Ingrid Mulder',
    ],
  ],
  [
    'Talent & Techniek',
    '#f59e0b',
    [
      'Gemeente Zwolle',
      'Landstede MBO',
      'Hogeschool Windesheim',
      'Bouwbedrijf Kroeze',
      'Installatiebedrijf Dijkman',
      'Carmel College Salland',
      'Kees de Boer',
    ],
  ],
  [
    'Gezond Opgroeien',
    '#10b981',
    [
      'Gemeente Zwolle',
      'GGD IJsselland',
      'Huisartsenpraktijk Assendorp',
      'Isala Kinderzorg',
      'Carmel College Salland',
      'Ellen Hoekstra',
      'Anna de Vries',
    ],
  ],
];

type Rel = readonly [string, string, Strength, RelationshipKind, CollaborationForm, Direction];
const RELATIONSHIPS: readonly Rel[] = [
  ['Gemeente Zwolle', 'Provincie Overijssel', 4, 'funding', 'adjust', 'oneWay'],
  ['Gemeente Zwolle', 'Woonstichting De Veste', 5, 'formal', 'interweave', 'bothWays'],
  ['Gemeente Zwolle', 'Openbaar Belang', 3, 'formal', 'adjust', 'bothWays'],
  ['Gemeente Zwolle', 'Zorggroep IJsselheem', 3, 'collaboration', 'adjust', 'none'],
  ['Gemeente Zwolle', 'Welzijn Zwolle-Zuid', 4, 'funding', 'adjust', 'oneWay'],
  ['Gemeente Zwolle', 'GGZ Midden-IJssel', 2, 'tension', 'coordinate', 'none'],
  ['Gemeente Zwolle', 'Stichting Wijkracht', 4, 'funding', 'adjust', 'oneWay'],
  ['Gemeente Zwolle', 'Landstede MBO', 3, 'collaboration', 'coordinate', 'none'],
  ['Gemeente Zwolle', 'GGD IJsselland', 5, 'funding', 'interweave', 'oneWay'],
  ['Gemeente Zwolle', 'Carmel College Salland', 2, 'information', 'coordinate', 'bothWays'],
  ['Provincie Overijssel', 'Ministerie van BZK', 3, 'information', 'coordinate', 'bothWays'],
  ['Provincie Overijssel', 'Gemeente Kampen', 2, 'funding', 'coordinate', 'oneWay'],
  ['Provincie Overijssel', 'Gemeente Dalfsen', 2, 'funding', 'coordinate', 'oneWay'],
  ['Woonstichting De Veste', 'Openbaar Belang', 4, 'collaboration', 'interweave', 'none'],
  ['Woonstichting De Veste', 'Zorggroep IJsselheem', 3, 'formal', 'adjust', 'bothWays'],
  ['Openbaar Belang', 'Welzijn Zwolle-Zuid', 2, 'informal', 'coordinate', 'none'],
  ['Zorggroep IJsselheem', 'Welzijn Zwolle-Zuid', 4, 'collaboration', 'adjust', 'none'],
  ['Welzijn Zwolle-Zuid', 'Bewonersvereniging Holtenbroek', 3, 'informal', 'coordinate', 'bothWays'],
  ['GGZ Midden-IJssel', 'Verslavingszorg Noord', 4, 'collaboration', 'interweave', 'none'],
  ['GGZ Midden-IJssel', 'Woonstichting SWZ', 1, 'tension', 'coordinate', 'none'],
  ['Leger des Heils Oost', 'Woonstichting SWZ', 3, 'formal', 'adjust', 'bothWays'],
  ['Leger des Heils Oost', 'Verslavingszorg Noord', 3, 'collaboration', 'adjust', 'none'],
  ['Stichting Wijkracht', 'Leger des Heils Oost', 2, 'information', 'coordinate', 'bothWays'],
  ['Stichting Wijkracht', 'Woonstichting SWZ', 2, 'informal', 'coordinate', 'none'],
  ['Landstede MBO', 'Hogeschool Windesheim', 4, 'formal', 'adjust', 'bothWays'],
  ['Landstede MBO', 'Bouwbedrijf Kroeze', 5, 'collaboration', 'interweave', 'none'],
  ['Landstede MBO', 'Installatiebedrijf Dijkman', 3, 'collaboration', 'adjust', 'none'],
  ['Hogeschool Windesheim', 'Kennisinstituut Movisie', 2, 'information', 'coordinate', 'bothWays'],
  ['Hogeschool Windesheim', 'Carmel College Salland', 2, 'informal', 'coordinate', 'none'],
  ['Bouwbedrijf Kroeze', 'Rabobank Salland', 3, 'funding', 'coordinate', 'oneWay'],
  ['Installatiebedrijf Dijkman', 'Rabobank Salland', 2, 'funding', 'coordinate', 'oneWay'],
  ['GGD IJsselland', 'Huisartsenpraktijk Assendorp', 4, 'collaboration', 'adjust', 'bothWays'],
  ['GGD IJsselland', 'Carmel College Salland', 3, 'information', 'adjust', 'oneWay'],
  ['Huisartsenpraktijk Assendorp', 'Isala Kinderzorg', 3, 'formal', 'adjust', 'bothWays'],
  ['Isala Kinderzorg', 'Carmel College Salland', 1, 'tension', 'coordinate', 'none'],
  ['Anna de Vries', 'Marieke Dekker', 4, 'informal', 'adjust', 'bothWays'],
  ['Mohamed El Amrani', 'Lotte Smit', 3, 'information', 'coordinate', 'bothWays'],
  ['Fatima Yılmaz', 'Henk Bos', 5, 'collaboration', 'interweave', 'none'],
  ['Ingrid Mulder', 'Sanne Visser', 2, 'tension', 'coordinate', 'none'],
  ['Ellen Hoekstra', 'Bram Kuipers', 4, 'information', 'adjust', 'bothWays'],
];

export const REALISTIC_BOARD_COUNTS = {
  organisations: ORGANISATIONS.length,
  people: PEOPLE.length,
  projects: PROJECTS.length,
  relationships: RELATIONSHIPS.length,
} as const;

/** Writes the realistic board into `doc` through the model's commands. */
export function buildRealisticBoard(doc: Y.Doc): void {
  const ids = new Map<string, NodeId>();
  const positions = new Map<string, { x: number; y: number }>();
  const idOf = (name: string): NodeId => {
    const id = ids.get(name);
    if (!id) throw new Error(`realistic board: unknown node ${name}`);
    return id;
  };
  for (const [name, sector, rawX, rawY] of ORGANISATIONS) {
    // The table is drawn on a loose grid; tighten it so the whole map fits a projector at a readable zoom.
    const x = Math.round(rawX * 0.8);
    const y = Math.round(rawY * 0.82);
    ids.set(name, addOrganisation(doc, { name, sector, position: { x, y } }));
    positions.set(name, { x, y });
  }
  for (const [name, organisation, roles, dx, dy] of PEOPLE) {
    const at = positions.get(organisation);
    if (!at) throw new Error(`realistic board: unknown organisation ${organisation}`);
    const id = addPerson(doc, {
      name,
      organisationId: idOf(organisation) as OrganisationId,
      roles,
      position: { x: at.x + dx, y: at.y + dy },
    });
    ids.set(name, id);
  }
  for (const [name, colour, members] of PROJECTS) {
    addProject(doc, { name, colour, memberIds: members.map(idOf) });
  }
  for (const [source, target, strength, kind, form, direction] of RELATIONSHIPS) {
    const id = connect(doc, { source: idOf(source), target: idOf(target), strength, kind, form, direction });
    if (!id) throw new Error(`realistic board: could not connect ${source} and ${target}`);
  }
}
