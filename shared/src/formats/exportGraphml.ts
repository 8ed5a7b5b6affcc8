/**
 * The board as GraphML (yEd, Gephi, Cytoscape, networkx). Organisations and
 * people are nodes, relationships are edges; every board field is a typed
 * attribute declared with a `<key>`. A one-way relationship is a directed
 * edge (`directed="true"` per edge), the others are undirected. A person's membership of their
 * organisation is an undirected edge too, told apart by its `type` (`membership`, else `relationship`).
 */
import type { BoardSnapshot } from '../board/types.ts';
import { giveTakeBalanceOf, healthScorerCount, meanHealth } from './graphMeasures.ts';
import { escapeXml, membershipEdges, projectNamesByNode } from './xmlText.ts';

interface KeyDef {
  readonly id: string;
  readonly for: 'node' | 'edge';
  readonly name: string;
  readonly type: 'string' | 'double' | 'int';
}

const KEYS: readonly KeyDef[] = [
  { id: 'n_kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  { id: 'n_sector', for: 'node', name: 'sector', type: 'string' },
  { id: 'n_roles', for: 'node', name: 'roles', type: 'string' },
  { id: 'n_organisation', for: 'node', name: 'organisation', type: 'string' },
  { id: 'n_organisationId', for: 'node', name: 'organisationId', type: 'string' },
  { id: 'n_projects', for: 'node', name: 'projects', type: 'string' },
  { id: 'n_themes', for: 'node', name: 'themes', type: 'string' },
  { id: 'n_notes', for: 'node', name: 'notes', type: 'string' },
  { id: 'n_x', for: 'node', name: 'x', type: 'double' },
  { id: 'n_y', for: 'node', name: 'y', type: 'double' },
  { id: 'n_giveTakeBalance', for: 'node', name: 'giveTakeBalance', type: 'int' },
  { id: 'e_type', for: 'edge', name: 'type', type: 'string' },
  { id: 'e_weight', for: 'edge', name: 'weight', type: 'double' },
  { id: 'e_kind', for: 'edge', name: 'kind', type: 'string' },
  { id: 'e_form', for: 'edge', name: 'form', type: 'string' },
  { id: 'e_direction', for: 'edge', name: 'direction', type: 'string' },
  { id: 'e_lastChecked', for: 'edge', name: 'lastChecked', type: 'string' },
  { id: 'e_notes', for: 'edge', name: 'notes', type: 'string' },
  { id: 'e_health', for: 'edge', name: 'health', type: 'double' },
  { id: 'e_healthScorers', for: 'edge', name: 'healthScorers', type: 'int' },
];

function data(key: string, value: string | number): string {
  return `      <data key="${key}">${escapeXml(String(value))}</data>`;
}

/** The board as a GraphML document (UTF-8). */
export function exportGraphml(snapshot: BoardSnapshot): string {
  const projects = projectNamesByNode(snapshot.projects.values());
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`),
    '  <graph id="interplay" edgedefault="undirected">',
  ];
  const byId = <T extends { readonly id: string }>(values: Iterable<T>): T[] =>
    [...values].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const o of byId(snapshot.organisations.values())) {
    lines.push(
      `    <node id="${escapeXml(o.id)}">`,
      data('n_kind', 'organisation'),
      data('n_label', o.name),
      data('n_sector', o.sector),
      data('n_projects', projects.get(o.id) ?? ''),
      data('n_themes', o.themes.join('; ')),
      data('n_notes', o.notes),
      data('n_x', o.position.x),
      data('n_y', o.position.y),
      data('n_giveTakeBalance', giveTakeBalanceOf(snapshot, o.id)),
      '    </node>',
    );
  }
  for (const p of byId(snapshot.people.values())) {
    const organisation = p.organisationId === null ? undefined : snapshot.organisations.get(p.organisationId);
    lines.push(
      `    <node id="${escapeXml(p.id)}">`,
      data('n_kind', 'person'),
      data('n_label', p.name),
      data('n_roles', p.roles.join('; ')),
      data('n_organisation', organisation?.name ?? ''),
      data('n_organisationId', organisation?.id ?? ''),
      data('n_projects', projects.get(p.id) ?? ''),
      data('n_notes', p.notes),
      data('n_x', p.position.x),
      data('n_y', p.position.y),
      '    </node>',
    );
  }
  for (const r of byId(snapshot.relationships.values())) {
    const mean = meanHealth(snapshot, r.id);
    lines.push(
      `    <edge id="${escapeXml(r.id)}" source="${escapeXml(r.source)}" target="${escapeXml(r.target)}" directed="${r.direction === 'oneWay'}">`,
      data('e_type', 'relationship'),
      data('e_weight', r.strength),
      data('e_kind', r.kind),
      data('e_form', r.form),
      data('e_direction', r.direction),
      data('e_lastChecked', r.lastChecked ?? ''),
      data('e_notes', r.notes),
      // Mean health over every scorer and dimension; left out (no value) when nobody scored.
      ...(mean === null ? [] : [data('e_health', mean)]),
      data('e_healthScorers', healthScorerCount(snapshot, r.id)),
      '    </edge>',
    );
  }
  for (const m of membershipEdges(snapshot)) {
    lines.push(
      `    <edge id="${escapeXml(m.id)}" source="${escapeXml(m.person)}" target="${escapeXml(m.organisation)}" directed="false">`,
      data('e_type', 'membership'),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
