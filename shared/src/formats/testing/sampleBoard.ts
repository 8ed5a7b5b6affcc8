/**
 * A small board that exercises every field and the awkward cases of every
 * format (XML specials, separators, accents, line breaks, formulas,
 * duplicate names, a person without organisation). For tests only.
 */
import * as Y from 'yjs';
import { addOrganisation, addPerson } from '../../board/commands/nodes.ts';
import { addProject } from '../../board/commands/projects.ts';
import { connect } from '../../board/commands/relationships.ts';
import type { NodeId } from '../../board/types.ts';

export function buildSampleBoard(doc: Y.Doc = new Y.Doc()): Y.Doc {
  const gemeente = addOrganisation(doc, {
    name: 'Gemeente Één & "Twee" <regio>',
    sector: 'municipality',
    position: { x: -120.5, y: 40 },
    notes: 'line one\nline two, with comma; and semicolon',
    themes: ['housing and care', 'energy transition'],
  });
  const corporatie = addOrganisation(doc, {
    name: 'Woonstede',
    sector: 'housing',
    position: { x: 300, y: -80 },
  });
  const ggz = addOrganisation(doc, {
    name: '=HYPERLINK("x")',
    sector: 'mentalHealth',
    position: { x: 5000, y: 7000 },
  });
  const anna = addPerson(doc, {
    name: 'Anna Jansen',
    organisationId: gemeente,
    roles: ['sponsor', 'connector'],
    position: { x: -100, y: 160 },
    notes: "it's <fine>",
  });
  const jan1 = addPerson(doc, {
    name: 'Jan de Vries',
    organisationId: corporatie,
    roles: ['scout'],
    position: { x: 320, y: 60 },
  });
  const jan2 = addPerson(doc, { name: 'Jan de Vries', organisationId: null, position: { x: 600, y: 60 } });
  addProject(doc, {
    name: 'Wonen & Zorg',
    colour: '#AA3366',
    description: 'Vulnerable people housed again',
    themes: ['housing and care'],
    memberIds: [gemeente, corporatie, anna, jan2] as NodeId[],
  });
  addProject(doc, { name: 'Talent', memberIds: [gemeente] as NodeId[] });
  connect(doc, {
    source: gemeente,
    target: corporatie,
    strength: 5,
    kind: 'formal',
    form: 'interweave',
    direction: 'bothWays',
    notes: 'covenant "2024"',
    lastChecked: '2025-03-01',
  });
  connect(doc, {
    source: anna,
    target: jan1,
    strength: 2,
    kind: 'informal',
    form: 'coordinate',
    direction: 'oneWay',
  });
  connect(doc, {
    source: ggz,
    target: jan2,
    kind: 'tension',
    form: 'adjust',
    direction: 'none',
    strength: 1,
  });
  return doc;
}
