import type * as Y from 'yjs';
import { addOrganisation, addPerson, addProject, addThread, connect } from '@interplay/shared';

/**
 * Boards where a label used to lie on a card, for the unit tests of the map's and the export's
 * placement and the browser tests that look at them.
 */

/** The names the label boards use. */
export const LABEL_BOARD = {
  project: 'Kansrijk Leiden-Noord',
  otherProject: 'Samen Gezond',
  person: 'Fatima el Amrani',
  overMiddle: 'Bibliotheek Leiden',
  areaProject: 'Wijkaanpak Noord',
  outsider: 'Jongerenwerk Leiden',
  crowdedProject: 'Samenwerkingsverband Jeugdhulp Holland Rijnland',
} as const;

/**
 * Project "Kansrijk Leiden-Noord" around two cards side by side; Fatima el Amrani, of a welfare
 * organisation above and in project "Samen Gezond", stands on the first area's upper edge, right where
 * its name tag went (above the members' middle), hiding her circle.
 */
export function writeTagOnPersonBoard(doc: Y.Doc): void {
  const leiden = addOrganisation(doc, {
    name: 'Gemeente Leiden',
    sector: 'municipality',
    position: { x: 0, y: 200 },
  });
  const portaal = addOrganisation(doc, {
    name: 'Woonstichting Portaal',
    sector: 'housing',
    position: { x: 420, y: 200 },
  });
  const welzijn = addOrganisation(doc, {
    name: 'Stichting Welzijn Leiden',
    sector: 'welfare',
    position: { x: 210, y: -60 },
  });
  const fatima = addPerson(doc, {
    name: LABEL_BOARD.person,
    organisationId: welzijn,
    roles: ['connector'],
    position: { x: 250, y: 120 },
  });
  addProject(doc, { name: LABEL_BOARD.project, colour: '#0f766e', memberIds: [leiden, portaal] });
  addProject(doc, { name: LABEL_BOARD.otherProject, colour: '#b45309', memberIds: [welzijn, fatima] });
  connect(doc, { source: leiden, target: portaal, strength: 4 });
}

/**
 * A relationship between two cards far apart that needs maintenance (last checked in 2020) and has an
 * open comment, with a third card, "Bibliotheek Leiden", lying across the line's middle where its ⚠ and
 * 💬 badges went.
 */
export function writeBadgeUnderCardBoard(doc: Y.Doc): void {
  const ggd = addOrganisation(doc, {
    name: 'GGD Hollands Midden',
    sector: 'health',
    position: { x: 0, y: 600 },
  });
  const praktijk = addOrganisation(doc, {
    name: 'Huisartsenpraktijk Stevenshof',
    sector: 'health',
    position: { x: 900, y: 600 },
  });
  addOrganisation(doc, { name: LABEL_BOARD.overMiddle, sector: 'other', position: { x: 440, y: 560 } });
  const line = connect(doc, { source: ggd, target: praktijk, strength: 3, lastChecked: '2020-01-06' });
  if (!line) throw new Error('writeBadgeUnderCardBoard: no relationship');
  addThread(doc, {
    target: line,
    author: { name: 'Anna de Vries', colour: '#b42318' },
    text: 'Wie belt wie na de zomer?',
  });
}

/**
 * Project "Wijkaanpak Noord" of two cards on a diagonal; "Jongerenwerk Leiden", not a member, stands
 * between them, inside the area their hull makes.
 */
export function writeOutsiderBoard(doc: Y.Doc): void {
  const wijkteam = addOrganisation(doc, {
    name: 'Wijkteam Leiden-Noord',
    sector: 'welfare',
    position: { x: 1250, y: 0 },
  });
  const huurders = addOrganisation(doc, {
    name: 'Huurdersvereniging Noord',
    sector: 'residents',
    position: { x: 1850, y: 320 },
  });
  addOrganisation(doc, { name: LABEL_BOARD.outsider, sector: 'welfare', position: { x: 1560, y: 160 } });
  addProject(doc, { name: LABEL_BOARD.areaProject, colour: '#6d28d9', memberIds: [wijkteam, huurders] });
}

/**
 * Project "Samenwerkingsverband Jeugdhulp Holland Rijnland" of one card, with cards close around its area
 * on every side: its whole name tag fits nowhere along the area, a shortened one fits in the gap above.
 * Drawn from (3000, 0).
 */
export function writeCrowdedTagBoard(doc: Y.Doc): void {
  const at = (x: number, y: number) => ({ x: 3000 + x, y });
  const member = addOrganisation(doc, { name: 'Jeugdteam', sector: 'care', position: at(0, 0) });
  const around: Array<[string, number, number]> = [
    ['Buurthuis West', -180, -90],
    ['Buurthuis Oost', 220, -90],
    ['Sportclub', -180, -170],
    ['Muziekschool', 220, -170],
    ['Bieb', 20, -250],
    ['Huisarts Zuid', -300, 0],
    ['Apotheek', 300, 0],
    ['Kinderopvang', -180, 90],
    ['Peuterspeelzaal', 100, 90],
    ['Speeltuin', -180, 170],
    ['Zwembad', 100, 170],
    ['Moskee', -400, 90],
    ['Kerk', 380, 90],
    ['Wijkagent', -400, -90],
    ['Dorpshuis', 440, -90],
  ];
  for (const [name, x, y] of around) addOrganisation(doc, { name, sector: 'other', position: at(x, y) });
  addProject(doc, { name: LABEL_BOARD.crowdedProject, colour: '#0369a1', memberIds: [member] });
}
