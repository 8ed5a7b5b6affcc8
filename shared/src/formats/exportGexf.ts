/**
 * The board as GEXF 1.3 (Gephi's own format). Organisations and people are
 * nodes with their fields as declared attributes; relationships are edges
 * whose weight is the strength, `type="directed"` per edge when one-way.
 * Node positions go in `viz:position` so Gephi opens the map as drawn. A person's membership of their
 * organisation is an undirected edge too, told apart by its `type` attribute (`membership`, else
 * `relationship`) so analysts can filter on it.
 */
import type { BoardSnapshot } from '../board/types.ts';
import { giveTakeBalanceOf, healthScorerCount, meanHealth } from './graphMeasures.ts';
import { escapeXml, membershipEdges, projectNamesByNode } from './xmlText.ts';

const NODE_ATTRIBUTES = [
  'kind',
  'sector',
  'roles',
  'organisation',
  'organisationId',
  'projects',
  'themes',
  'notes',
  'giveTakeBalance',
] as const;
const EDGE_ATTRIBUTES = [
  'type',
  'kind',
  'form',
  'direction',
  'lastChecked',
  'notes',
  'health',
  'healthScorers',
] as const;
/** Numeric attributes, declared as such so Gephi can size and colour by them. */
const ATTRIBUTE_TYPES: Readonly<Record<string, string>> = {
  giveTakeBalance: 'integer',
  health: 'double',
  healthScorers: 'integer',
};

function attvalues<K extends string>(names: readonly K[], values: Partial<Record<K, string>>): string[] {
  const present = names.flatMap((name, index) => {
    const value = values[name];
    return value === undefined || value === ''
      ? []
      : [`        <attvalue for="${index}" value="${escapeXml(value)}"/>`];
  });
  return present.length === 0 ? [] : ['      <attvalues>', ...present, '      </attvalues>'];
}

/** The board as a GEXF document (UTF-8). */
export function exportGexf(snapshot: BoardSnapshot): string {
  const projects = projectNamesByNode(snapshot.projects.values());
  const byId = <T extends { readonly id: string }>(values: Iterable<T>): T[] =>
    [...values].sort((a, b) => (a.id < b.id ? -1 : 1));
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>Interplay</creator>',
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map(
      (name, index) =>
        `      <attribute id="${index}" title="${name}" type="${ATTRIBUTE_TYPES[name] ?? 'string'}"/>`,
    ),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_ATTRIBUTES.map(
      (name, index) =>
        `      <attribute id="${index}" title="${name}" type="${ATTRIBUTE_TYPES[name] ?? 'string'}"/>`,
    ),
    '    </attributes>',
    '    <nodes>',
  ];
  const position = (p: { x: number; y: number }): string =>
    `      <viz:position x="${p.x}" y="${p.y}" z="0"/>`;
  for (const o of byId(snapshot.organisations.values())) {
    lines.push(
      `    <node id="${escapeXml(o.id)}" label="${escapeXml(o.name)}">`,
      ...attvalues(NODE_ATTRIBUTES, {
        kind: 'organisation',
        sector: o.sector,
        projects: projects.get(o.id),
        themes: o.themes.join('; '),
        notes: o.notes,
        giveTakeBalance: String(giveTakeBalanceOf(snapshot, o.id)),
      }),
      position(o.position),
      '    </node>',
    );
  }
  for (const p of byId(snapshot.people.values())) {
    const organisation = p.organisationId === null ? undefined : snapshot.organisations.get(p.organisationId);
    lines.push(
      `    <node id="${escapeXml(p.id)}" label="${escapeXml(p.name)}">`,
      ...attvalues(NODE_ATTRIBUTES, {
        kind: 'person',
        roles: p.roles.join('; '),
        organisation: organisation?.name,
        organisationId: organisation?.id,
        projects: projects.get(p.id),
        notes: p.notes,
      }),
      position(p.position),
      '    </node>',
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const r of byId(snapshot.relationships.values())) {
    lines.push(
      `    <edge id="${escapeXml(r.id)}" source="${escapeXml(r.source)}" target="${escapeXml(r.target)}" weight="${r.strength}" type="${r.direction === 'oneWay' ? 'directed' : 'undirected'}">`,
      ...attvalues(EDGE_ATTRIBUTES, {
        type: 'relationship',
        kind: r.kind,
        form: r.form,
        direction: r.direction,
        lastChecked: r.lastChecked ?? undefined,
        notes: r.notes,
        health: meanHealth(snapshot, r.id)?.toString(),
        healthScorers: String(healthScorerCount(snapshot, r.id)),
      }),
      '    </edge>',
    );
  }
  for (const m of membershipEdges(snapshot)) {
    lines.push(
      `    <edge id="${escapeXml(m.id)}" source="${escapeXml(m.person)}" target="${escapeXml(m.organisation)}" type="undirected">`,
      ...attvalues(EDGE_ATTRIBUTES, { type: 'membership' }),
      '    </edge>',
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
