import type * as Y from 'yjs';
import {
  GIVE_TAKE_RESOURCES,
  HEALTH_DIMENSIONS,
  addThread,
  readBoard,
  scoreHealth,
  setGiveTake,
} from '@interplay/shared';

/** Comments, a free note, health scores and give and take, so every drawer has something to show. */
export function addSessionContent(doc: Y.Doc): void {
  const board = readBoard(doc);
  const organisations = [...board.organisations.values()];
  const relationships = [...board.relationships.values()];
  const author = { name: 'Anna de Vries', colour: '#b42318' };
  const zwolle = organisations.find((o) => o.name === 'Gemeente Zwolle') ?? organisations[0];
  if (!zwolle) throw new Error('tour: the realistic board has no organisations');
  addThread(doc, { target: zwolle.id, author, text: 'Wie is hier de eerste contactpersoon voor wonen?' });
  addThread(doc, {
    position: { x: 300, y: -140 },
    author,
    text: 'Hier stokt het: niemand neemt het voortouw.',
  });
  const scorers = [
    { id: 'scorer-anna', name: 'Anna de Vries' },
    { id: 'scorer-henk', name: 'Henk Bos' },
    { id: 'scorer-lotte', name: 'Lotte Smit' },
  ];
  for (const [r, relationship] of relationships.slice(0, 5).entries()) {
    for (const [s, scorer] of scorers.entries()) {
      for (const [d, dimension] of HEALTH_DIMENSIONS.entries()) {
        scoreHealth(doc, relationship.id, scorer, dimension, ((r * 3 + s * 2 + d) % 10) + 1);
      }
    }
  }
  const levels = ['none', 'some', 'much'] as const;
  for (const [o, organisation] of organisations.slice(0, 4).entries()) {
    for (const [i, resource] of GIVE_TAKE_RESOURCES.entries()) {
      setGiveTake(doc, organisation.id, resource, 'brings', levels[(o + i) % 3] ?? 'none');
      setGiveTake(doc, organisation.id, resource, 'takes', levels[(o * 2 + i) % 3] ?? 'none');
    }
  }
}
