import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AnonymousProjection } from './anonymousProjection.ts';
import { NamesSeen } from './namesSeen.ts';
import { anonymiseBoard, ENGLISH_ANONYMOUS_WORDS, nameScrubber } from './anonymise.ts';
import { addOrganisation, addPerson, moveNodes, updateOrganisation, updatePerson } from './commands/nodes.ts';
import { deleteEntities } from './commands/deleteEntities.ts';
import type { BoardSnapshot, OrganisationId, PersonId } from './types.ts';
import { addThread } from './commands/annotations.ts';
import { connect } from './commands/relationships.ts';
import { scoreHealth } from './commands/health.ts';
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
  const other = addOrganisation(doc, { name: 'Portaal', sector: 'housing', position: { x: 300, y: 0 } });
  const tie = connect(doc, { source: organisation, target: other });
  if (tie !== null) scoreHealth(doc, tie, { id: 'browser-of-klaas', name: 'Klaas Kamp' }, 'trust', 6);
  return { doc, person, organisation };
}

describe('the anonymised view (anonymise.ts, anonymousProjection.ts)', () => {
  it('cuts whole names out of texts, any case, longest first', () => {
    const scrub = nameScrubber(['Jan', 'Jan de Vries', 'An']);
    expect(scrub('jan de vries and Jan met Janneke and Andre')).toBe('… and … met Janneke and Andre');
  });

  it('the projection holds people as role · organisation, no notes, no authors, no names in texts', () => {
    const { doc, person: personId } = board();
    // A field a modified page added, and an odd value inside a known one: neither is a field of the record.
    const stored = doc.getMap<Y.Map<unknown>>('people').get(personId);
    stored?.set('secret', 'Jan de Vries');
    stored?.set('position', { x: 1, y: 2, who: 'Jan de Vries' });
    const seen = new NamesSeen(doc);
    const projection = new AnonymousProjection(doc, seen.names);
    const projected = readBoard(projection.doc);
    const person = [...projected.people.values()][0];
    expect(person?.name).toBe('Sponsor, Connector · Gemeente Leiden');
    expect(person?.notes).toBe('');
    expect([...projected.organisations.values()].find((o) => o.name === 'Gemeente Leiden')?.notes).toBe(
      'Ask … first',
    );
    const thread = [...projected.annotations.values()][0];
    expect(thread?.author.name).toBe('');
    expect(thread?.messages[0]?.text).toBe('Hello …');
    // The same rule as the exports.
    const exported = anonymiseBoard(readBoard(doc), ENGLISH_ANONYMOUS_WORDS);
    expect([...exported.people.values()][0]?.name).toBe(person?.name);
    const everything = JSON.stringify(projection.doc.toJSON());
    expect(everything.includes('Jan')).toBe(false);
    // The scorer is a pseudonym: their browser's id would link their scores across boards.
    expect(everything.includes('browser-of-klaas') || everything.includes('Klaas')).toBe(false);
    expect([...projected.health.values()][0]?.scores[0]).toMatchObject({ scorerId: 'scorer-1', name: '' });
    expect([...exported.health.values()][0]?.scores[0]).toMatchObject({ scorerId: 'scorer-1', name: '' });
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

  it('after any series of edits, the projection is what the rule makes of the whole board (seeded)', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const doc = new Y.Doc();
    const seen = new NamesSeen(doc);
    const projection = new AnonymousProjection(doc, seen.names);
    const names = ['Jan de Vries', 'Annemiek Bos', 'Karel Appel', 'Gemeente Leiden', 'Portaal'];
    const organisations: OrganisationId[] = [];
    const people: PersonId[] = [];
    const pick = <T>(list: readonly T[]): T | undefined => list[random(list.length)];
    const visible = (board: BoardSnapshot): unknown => ({
      people: [...board.people.values()].map((p) => [p.id, p.name, p.notes, p.roles, p.position]),
      organisations: [...board.organisations.values()].map((o) => [o.id, o.name, o.notes, o.position]),
      threads: [...board.annotations.values()].map((t) => [t.id, t.author, t.messages.map((m) => m.text)]),
    });
    for (let step = 0; step < 300; step++) {
      const name = pick(names) ?? 'x';
      const op = random(7);
      const person = pick(people);
      const organisation = pick(organisations);
      if (op === 0 || organisations.length === 0) {
        organisations.push(
          addOrganisation(doc, {
            name,
            sector: 'care',
            notes: `see ${pick(names)}`,
            position: { x: step, y: 0 },
          }),
        );
      } else if (op === 1 || person === undefined) {
        const roles = (['sponsor', 'scout', 'connector'] as const).filter(() => random(2) === 0);
        people.push(
          addPerson(doc, {
            name,
            organisationId: organisation ?? null,
            roles,
            notes: name,
            position: { x: 0, y: step },
          }),
        );
      } else if (op === 2) {
        updatePerson(doc, person, { name: `${name} ${step}` });
      } else if (op === 3 && organisation !== undefined) {
        updateOrganisation(doc, organisation, { name: `${name} ${step}` });
      } else if (op === 4) {
        moveNodes(doc, [{ id: person, position: { x: step, y: step } }]);
      } else if (op === 5) {
        addThread(doc, { target: person, author: { name, colour: '#123456' }, text: `about ${pick(names)}` });
      } else {
        const gone = random(2) === 0 ? people.splice(people.indexOf(person), 1) : [];
        deleteEntities(doc, gone);
      }
      projection.flush();
      const expected = anonymiseBoard(readBoard(doc), ENGLISH_ANONYMOUS_WORDS, seen.names);
      expect(visible(readBoard(projection.doc)), `step ${step}`).toEqual(visible(expected));
    }
  });
});
