import type * as Y from 'yjs';
import { addOrganisation, addPerson, addProject, connect } from '@interplay/shared';

/**
 * Boards where a label used to lie on a card, for the unit tests of the map's and the export's
 * placement and the browser tests that look at them.
 */

/** The names the label boards use. */
export const LABEL_BOARD = {
  project: 'Kansrijk Leiden-Noord',
  otherProject: 'Samen Gezond',
  person: 'Fatima el Amrani',
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
