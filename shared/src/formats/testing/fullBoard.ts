/**
 * The sample board plus everything else a board holds: comment threads (on
 * each kind of entity and a free note, with replies, one resolved), health
 * scores from two scorers, give-and-take, non-default settings, and an
 * orphaned thread (its person deleted). For tests only.
 */
import * as Y from 'yjs';
import { addThread, replyToThread, resolveThread } from '../../board/commands/annotations.ts';
import { deleteEntities } from '../../board/commands/deleteEntities.ts';
import { addPerson } from '../../board/commands/nodes.ts';
import { setGiveTake } from '../../board/commands/giveTake.ts';
import { scoreHealth } from '../../board/commands/health.ts';
import { updateSettings } from '../../board/commands/settings.ts';
import { readBoard } from '../../board/read.ts';
import { buildSampleBoard } from './sampleBoard.ts';

export const ANNA = { name: 'Anna', colour: '#aa3366' };
export const BEN = { name: 'Ben "B" <facilitator>', colour: '#00ff7f' };
const T0 = Date.UTC(2025, 2, 1, 9, 30);

export function buildFullBoard(doc: Y.Doc = new Y.Doc()): Y.Doc {
  buildSampleBoard(doc);
  const board = readBoard(doc);
  const [org1, org2] = [...board.organisations.values()].sort((a, b) => a.name.localeCompare(b.name));
  const person = [...board.people.values()][0]!;
  const project = [...board.projects.values()][0]!;
  const [rel1, rel2] = [...board.relationships.keys()];
  const onOrg = addThread(doc, { target: org1!.id, author: ANNA, text: 'Who is the contact here?', at: T0 });
  replyToThread(doc, onOrg, { author: BEN, text: 'Anna,\nsince "2024"', at: T0 + 60_000 });
  replyToThread(doc, onOrg, { author: ANNA, text: 'Thanks!', at: T0 + 120_000 });
  resolveThread(doc, onOrg, BEN, T0 + 180_000);
  const onRel = addThread(doc, { target: rel1!, author: BEN, text: 'Is this still formal?', at: T0 + 1 });
  replyToThread(doc, onRel, { author: ANNA, text: 'Yes', at: T0 + 1 });
  addThread(doc, { target: person.id, author: ANNA, text: 'Ask about the budget', at: T0 + 2 });
  addThread(doc, { target: project.id, author: BEN, text: 'Deadline?', at: T0 + 3 });
  addThread(doc, { position: { x: 1234.5, y: -50 }, author: BEN, text: 'Parking lot: funding', at: T0 + 4 });
  scoreHealth(doc, rel1!, { id: 'scorer-a', name: 'Anna' }, 'trust', 7, T0 + 10);
  scoreHealth(doc, rel1!, { id: 'scorer-a', name: 'Anna' }, 'goals', 4, T0 + 11);
  scoreHealth(doc, rel1!, { id: 'scorer-b', name: 'Ben' }, 'trust', 9, T0 + 12);
  scoreHealth(doc, rel1!, { id: 'scorer-b', name: 'Ben' }, 'dissent', 2, T0 + 13);
  scoreHealth(doc, rel2!, { id: 'scorer-b', name: 'Ben' }, 'communication', 10, T0 + 14);
  setGiveTake(doc, org1!.id, 'money', 'brings', 'much');
  setGiveTake(doc, org1!.id, 'knowledge', 'takes', 'some');
  setGiveTake(doc, org2!.id, 'staff', 'takes', 'much');
  updateSettings(doc, {
    layoutLocked: true,
    boardLocked: false,
    phase: 'scoring',
    staleAfterDays: 90,
    viewersMayComment: true,
  });
  const gone = addPerson(doc, { name: 'Temporary', organisationId: null, position: { x: 0, y: 0 } });
  addThread(doc, { target: gone, author: ANNA, text: 'orphaned soon', at: T0 + 5 });
  deleteEntities(doc, [gone]);
  return doc;
}
