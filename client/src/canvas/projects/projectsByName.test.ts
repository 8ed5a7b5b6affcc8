import { describe, expect, it } from 'vitest';
import type { Project, ProjectId } from '@interplay/shared';
import { projectsByName } from './projectsByName.ts';

const project = (id: string, name: string): Project => ({
  id: id as ProjectId,
  name,
  colour: '#2f80ed',
  description: '',
  themes: [],
  memberIds: [],
});

describe('projectsByName', () => {
  it('orders by name, numbers by value, case aside, and twins by id, whatever the document order', () => {
    const list = [
      project('p4', 'Project 10'),
      project('p1', 'zorg'),
      project('p3', 'Project 2'),
      project('p6', 'Twin'),
      project('p2', 'Armoede'),
      project('p5', 'Twin'),
    ];
    const expected = ['p2', 'p3', 'p4', 'p5', 'p6', 'p1'];
    for (const order of [list, [...list].reverse()]) {
      const projects = new Map(order.map((p) => [p.id, p]));
      expect(projectsByName(projects).map((p) => p.id)).toEqual(expected);
    }
  });
});
