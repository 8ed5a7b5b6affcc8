import { describe, expect, it } from 'vitest';
import { allMessages } from './allMessages.ts';
import { translate } from '../useT.ts';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)(:[^|{}]*\|[^|{}]*)?\}/g)]
    .map((m) => `${m[1] ?? ''}${m[2] ? ':plural' : ''}`)
    .sort();

describe('interface strings', () => {
  it('have the same keys in English and Dutch', () => {
    expect(Object.keys(allMessages.nl).sort()).toEqual(Object.keys(allMessages.en).sort());
  });

  it('are never empty and use the same placeholders in both languages', () => {
    for (const key of Object.keys(allMessages.en) as (keyof typeof allMessages.en)[]) {
      expect(allMessages.en[key].trim(), key).not.toBe('');
      expect(allMessages.nl[key].trim(), key).not.toBe('');
      expect(placeholders(allMessages.nl[key]), key).toEqual(placeholders(allMessages.en[key]));
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translate('en', 'people.heading', { count: 3 })).toBe('Present (3)');
    expect(translate('nl', 'people.heading', { count: 3 })).toBe('Aanwezig (3)');
    expect(translate('en', 'people.heading')).toBe('Present ({count})');
  });

  it("put a count beside the form its language's rules choose (1 project, 2 projecten)", () => {
    expect(translate('nl', 'canvas.node.projects', { count: 1 })).toBe('In 1 project');
    expect(translate('nl', 'canvas.node.projects', { count: 2 })).toBe('In 2 projecten');
    expect(translate('en', 'canvas.node.projects', { count: 1 })).toBe('In 1 project');
    expect(translate('en', 'canvas.node.projects', { count: 0 })).toBe('In 0 projects');
    expect(translate('nl', 'annotations.badge', { count: 1 })).toBe('1 open opmerking');
    expect(translate('nl', 'annotations.badge', { count: 3 })).toBe('3 open opmerkingen');
  });
});
