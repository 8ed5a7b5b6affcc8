import { describe, expect, it } from 'vitest';
import { encodeRefusal, parseRefusal, type RefusedChange } from '@interplay/shared';
import { translate, type Language, type Translate } from '../i18n/index.ts';
import { mergeRefusal } from './refusalNotice.ts';
import { refusalText, type RefusedChanges } from './refusalText.ts';

const tr =
  (language: Language): Translate =>
  (key, vars) =>
    translate(language, key, vars);
const en = tr('en');
const nl = tr('nl');

/** A notice as the page gets it: encoded by the server's function, read by the page's. */
function notice(...changes: RefusedChange[]): RefusedChanges {
  const parsed = parseRefusal(encodeRefusal(changes));
  if (parsed === null) throw new Error('unreadable notice');
  return parsed;
}

const moveRoc: RefusedChange = {
  action: 'move',
  subject: 'organisation',
  reason: 'layoutLocked',
  id: 'o1',
  name: 'ROC Mondriaan',
};

describe('refusal notice in words: one change', () => {
  it('names the action, the thing and the reason', () => {
    expect(refusalText(en, notice(moveRoc), 'open')).toEqual({
      summary: 'Your move of ROC Mondriaan was not applied: the layout is locked.',
      items: [],
      more: null,
    });
    expect(refusalText(nl, notice(moveRoc), 'open').summary).toBe(
      'Uw verplaatsing van ROC Mondriaan is niet doorgevoerd: de indeling is vergrendeld.',
    );
  });

  it('uses the subject when the change has no name', () => {
    const unnamed: RefusedChange = { action: 'add', subject: 'organisation', reason: 'phase' };
    expect(refusalText(en, notice(unnamed), 'people').summary).toBe(
      'Your addition of an organisation was not applied: the current phase (People and roles) does not allow adding organisations.',
    );
    expect(refusalText(nl, notice(unnamed), 'people').summary).toBe(
      'Uw toevoeging van een organisatie is niet doorgevoerd: de huidige fase (Personen en rollen) staat het toevoegen van organisaties niet toe.',
    );
  });

  it('explains every reason in both languages', () => {
    const cases: [RefusedChange, string, string][] = [
      [
        { action: 'edit', subject: 'person', reason: 'viewer', name: 'Anna de Vries' },
        'Your change to Anna de Vries was not applied: your link is view-only.',
        'Uw wijziging van Anna de Vries is niet doorgevoerd: uw link is alleen om te bekijken.',
      ],
      [
        { action: 'comment', subject: 'organisation', reason: 'viewer', name: 'Gemeente' },
        'Your comment on Gemeente was not applied: comments are not open to view-only links.',
        'Uw opmerking bij Gemeente is niet doorgevoerd: opmerkingen staan niet open voor kijkers.',
      ],
      [
        { action: 'delete', subject: 'project', reason: 'boardLocked', name: 'Wijkteams' },
        'Your deletion of Wijkteams was not applied: the board is locked.',
        'Uw verwijdering van Wijkteams is niet doorgevoerd: het bord is vergrendeld.',
      ],
      [
        { action: 'move', subject: 'person', reason: 'layoutLocked' },
        'Your move of a person was not applied: the layout is locked.',
        'Uw verplaatsing van een persoon is niet doorgevoerd: de indeling is vergrendeld.',
      ],
      [
        { action: 'add', subject: 'relationship', reason: 'phase' },
        'Your addition of a relationship was not applied: the current phase (People and roles) does not allow adding relationships.',
        'Uw toevoeging van een relatie is niet doorgevoerd: de huidige fase (Personen en rollen) staat het toevoegen van relaties niet toe.',
      ],
      [
        { action: 'score', subject: 'healthCheck', reason: 'phase' },
        'Your score for a health check was not applied: the current phase (People and roles) does not allow scoring.',
        'Uw score voor een gezondheidscheck is niet doorgevoerd: de huidige fase (Personen en rollen) staat scoren niet toe.',
      ],
      [
        { action: 'settings', subject: 'settings', reason: 'facilitatorOnly' },
        'Your change to the session settings was not applied: only the facilitator may change the session settings.',
        'Uw wijziging van de sessie-instellingen is niet doorgevoerd: alleen de procesbegeleider mag de sessie-instellingen wijzigen.',
      ],
      [
        { action: 'comment', subject: 'comment', reason: 'boardLocked' },
        'Your comment was not applied: the board is locked.',
        'Uw opmerking is niet doorgevoerd: het bord is vergrendeld.',
      ],
    ];
    for (const [change, english, dutch] of cases) {
      expect(refusalText(en, notice(change), 'people').summary).toBe(english);
      expect(refusalText(nl, notice(change), 'people').summary).toBe(dutch);
    }
  });

  it('falls back to the general explanation for a text it cannot read', () => {
    const general = { items: [], more: null };
    expect(refusalText(en, parseRefusal('update refused: move'), 'open')).toEqual({
      summary: 'Your last change was not accepted: the server refused it.',
      ...general,
    });
    expect(refusalText(nl, null, 'open')).toEqual({
      summary: 'Uw laatste wijziging is niet geaccepteerd: de server heeft haar geweigerd.',
      ...general,
    });
    // A notice whose every change is unreadable says no more than that either.
    expect(
      refusalText(en, parseRefusal('update refused: {"changes":[{"action":"fly"}],"total":1}'), 'open'),
    ).toEqual({ summary: 'Your last change was not accepted: the server refused it.', ...general });
  });
});

describe('refusal notice in words: several changes', () => {
  const locked = (name: string): RefusedChange => ({
    action: 'edit',
    subject: 'organisation',
    reason: 'boardLocked',
    name,
  });

  it('sums up with the shared reason and lists the first few, then how many more', () => {
    const five = notice(
      locked('Gemeente'),
      locked('Corporatie'),
      { action: 'add', subject: 'person', reason: 'boardLocked' },
      locked('Zorggroep'),
      locked('Hogeschool'),
    );
    expect(refusalText(en, five, 'open')).toEqual({
      summary: '5 of your changes were not applied: the board is locked.',
      items: ['Change to Gemeente', 'Change to Corporatie', 'Addition of a person'],
      more: 'and 2 more',
    });
    expect(refusalText(nl, five, 'open')).toEqual({
      summary: '5 van uw wijzigingen zijn niet doorgevoerd: het bord is vergrendeld.',
      items: ['Wijziging van Gemeente', 'Wijziging van Corporatie', 'Toevoeging van een persoon'],
      more: 'en nog 2 wijzigingen',
    });
  });

  it('agrees in number: "1 wijziging", "3 wijzigingen"', () => {
    const four = notice(locked('A'), locked('B'), locked('C'), locked('D'));
    expect(refusalText(en, four, 'open').more).toBe('and 1 more');
    expect(refusalText(nl, four, 'open').more).toBe('en nog 1 wijziging');
    const two = notice(locked('A'), locked('B'));
    expect(refusalText(nl, two, 'open')).toEqual({
      summary: '2 van uw wijzigingen zijn niet doorgevoerd: het bord is vergrendeld.',
      items: ['Wijziging van A', 'Wijziging van B'],
      more: null,
    });
    const six = notice(...['A', 'B', 'C', 'D', 'E', 'F'].map(locked));
    expect(refusalText(nl, six, 'open').more).toBe('en nog 3 wijzigingen');
  });

  it('gives each listed change its own reason when the reasons differ', () => {
    const mixed = notice(moveRoc, { action: 'add', subject: 'person', reason: 'phase', name: 'Piet' });
    expect(refusalText(en, mixed, 'organisations')).toEqual({
      summary: '2 of your changes were not applied.',
      items: [
        'Move of ROC Mondriaan: the layout is locked',
        'Addition of Piet: the current phase (Organisations) does not allow adding people',
      ],
      more: null,
    });
    expect(refusalText(nl, mixed, 'organisations').items).toEqual([
      'Verplaatsing van ROC Mondriaan: de indeling is vergrendeld',
      'Toevoeging van Piet: de huidige fase (Organisaties) staat het toevoegen van personen niet toe',
    ]);
  });

  it('counts the changes the server did not list', () => {
    const changes = Array.from({ length: 25 }, (_, i) => locked(`Org ${i}`));
    const parsed = notice(...changes);
    expect(parsed.changes).toHaveLength(20);
    const text = refusalText(en, parsed, 'open');
    expect(text.summary).toBe('25 of your changes were not applied: the board is locked.');
    expect(text.more).toBe('and 22 more');
  });
});

describe('refusal notices on screen together', () => {
  it('merges a second notice into the one shown, once per distinct change', () => {
    const first = mergeRefusal(null, notice(moveRoc), 'open', 1);
    const again = mergeRefusal(first, notice(moveRoc), 'open', 2);
    expect(again.notice).toEqual({ changes: [moveRoc], total: 1 });
    const comment: RefusedChange = { action: 'comment', subject: 'organisation', reason: 'boardLocked' };
    const both = mergeRefusal(again, notice(moveRoc, comment), 'open', 3);
    expect(both.notice).toEqual({ changes: [moveRoc, comment], total: 2 });
    expect(refusalText(en, both.notice, 'open').summary).toBe('2 of your changes were not applied.');
  });

  it('keeps a readable notice over an unreadable one, and starts afresh after dismissal', () => {
    const shown = mergeRefusal(null, notice(moveRoc), 'open', 1);
    expect(mergeRefusal(shown, null, 'open', 2).notice).toEqual(shown.notice);
    expect(mergeRefusal(null, null, 'open', 3).notice).toBeNull();
    expect(mergeRefusal({ notice: null, phase: 'open', at: 1 }, notice(moveRoc), 'open', 2).notice).toEqual(
      notice(moveRoc),
    );
  });
});
