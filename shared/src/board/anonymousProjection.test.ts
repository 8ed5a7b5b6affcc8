import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AnonymousProjection } from './anonymousProjection.ts';
import { NamesSeen } from './namesSeen.ts';
import { anonymiseBoard, ENGLISH_ANONYMOUS_WORDS, nameScrubber } from './anonymise.ts';
import { addOrganisation, addPerson, updatePerson } from './commands/nodes.ts';
import { addThread } from './commands/annotations.ts';
import { readBoard } from './read.ts';

function board(): { doc: Y.Doc; person: string; organisation: string } {
  const doc = new Y.Doc();
  const organisation = addOrganisation(doc, {
    name: 'Gemeente Leiden',
    sector: 'municipality',
    notes: 'Ask Jan de Vries first',
    position: { x: 0, y: 0 },
  });
  const person = addPerson(doc, {
    name: 'Jan de Vries',
    organisationId: organisation,
    roles: ['sponsor', 'connector'],
    notes: 'on leave',
    position: { x: 0, y: 100 },
  });
  addThread(doc, { target: person, author: { name: 'Piet', colour: '#112233' }, text: 'Hello Jan de Vries' });
  return { doc, person, organisation };
}

describe('the anonymised view (anonymise.ts, anonymousProjection.ts)', () => {
  it('cuts whole names out of texts, any case, longest first', () => {
    const scrub = nameScrubber(['Jan', 'Jan de Vries', 'An']);
    expect(scrub('jan de vries and Jan met Janneke and Andre')).toBe('… and … met Janneke and Andre');
  });

  it('the projection holds people as role · organisation, no notes, no authors, no names in texts', () => {
    const { doc } = board();
    const seen = new NamesSeen(doc);
    const projection = new AnonymousProjection(doc, seen.names);
    const projected = readBoard(projection.doc);
    const person = [...projected.people.values()][0];
    expect(person?.name).toBe('Sponsor, Connector · Gemeente Leiden');
    expect(person?.notes).toBe('');
    expect([...projected.organisations.values()][0]?.notes).toBe('Ask … first');
    const thread = [...projected.annotations.values()][0];
    expect(thread?.author.name).toBe('');
    expect(thread?.messages[0]?.text).toBe('Hello …');
    // The same rule as the exports.
    const exported = anonymiseBoard(readBoard(doc), ENGLISH_ANONYMOUS_WORDS);
    expect([...exported.people.values()][0]?.name).toBe(person?.name);
    expect(JSON.stringify(projection.doc.toJSON()).includes('Jan')).toBe(false);
  });

  it('writes only what changed, in one transaction, and remembers names renamed away', () => {
    const { doc, person } = board();
    const seen = new NamesSeen(doc);
    const projection = new AnonymousProjection(doc, seen.names);
    const updates: Uint8Array[] = [];
    projection.doc.on('update', (update: Uint8Array) => updates.push(update));
    updatePerson(doc, person as never, { name: 'Johanna Smit' });
    projection.flush();
    // The label did not change: nothing to write.
    expect(updates).toHaveLength(0);
    updatePerson(doc, person as never, { roles: ['scout'] });
    projection.flush();
    expect(updates).toHaveLength(1);
    const text = JSON.stringify(projection.doc.toJSON());
    expect(text).toContain('Scout · Gemeente Leiden');
    expect(/jan de vries|johanna/i.test(text)).toBe(false);
  });
});
