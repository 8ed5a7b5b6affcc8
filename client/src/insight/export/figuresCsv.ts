import { HEALTH_DIMENSIONS } from '@interplay/shared';
import type { BoardSnapshot, OrganisationId, PersonId, ProjectId, RelationshipId } from '@interplay/shared';
import type { InsightFigures } from '../figures/figureTypes.ts';

type Cell = string | number | null;

/** One CSV cell: quoted when needed, and a leading = + - @ guarded so a spreadsheet never runs it. */
function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 10_000) / 10_000);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

const table = (header: readonly string[], rows: readonly (readonly Cell[])[]): string =>
  [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';

/**
 * The figures as CSV tables, one per figure, with English headers and names beside ids (the board's CSV
 * export's conventions), for a spreadsheet or a report. Keys are file names.
 */
export function figuresCsv(figures: InsightFigures, snapshot: BoardSnapshot): Record<string, string> {
  const name = (id: string): string =>
    snapshot.organisations.get(id as OrganisationId)?.name ??
    snapshot.people.get(id as PersonId)?.name ??
    snapshot.projects.get(id as ProjectId)?.name ??
    '';
  const kind = (id: string): string =>
    snapshot.organisations.has(id as OrganisationId) ? 'organisation' : 'person';
  const ends = (id: string): [string, string] => {
    const r = snapshot.relationships.get(id as RelationshipId);
    return r ? [name(r.source), name(r.target)] : ['', ''];
  };
  const { shape, health } = figures;
  return {
    'summary.csv': table(
      ['measure', 'value'],
      [
        ['organisations', shape.organisations],
        ['people', shape.people],
        ['linked pairs', shape.linkedPairs],
        ['separate groups', shape.groups],
        ['density', shape.density],
        ['average relationships per node', shape.averageDegree],
        ['organisations with one relationship or none', shape.organisationsWithAtMostOne],
        ['cluster modularity', figures.clusters.modularity],
        ['date', figures.today],
      ],
    ),
    'brokers.csv': table(
      ['rank', 'id', 'name', 'kind', 'betweenness (normalised)'],
      figures.brokers.map((b, i) => [i + 1, b.id, name(b.id), kind(b.id), b.score]),
    ),
    'weak-spots.csv': table(
      ['id', 'name', 'kind', 'others cut off'],
      figures.articulationPoints.map((p) => [p.id, name(p.id), kind(p.id), p.separated]),
    ),
    'isolated.csv': table(
      ['id', 'name', 'kind'],
      figures.isolated.map((id) => [id, name(id), kind(id)]),
    ),
    'weakly-tied.csv': table(
      ['id', 'name', 'kind'],
      figures.weaklyTied.map((id) => [id, name(id), kind(id)]),
    ),
    'overlap-members.csv': table(
      ['id', 'name', 'kind', 'projects', 'project count'],
      figures.overlap.nodes.map((n) => [
        n.id,
        name(n.id),
        kind(n.id),
        n.projectIds.map(name).join('; '),
        n.projectIds.length,
      ]),
    ),
    'overlap-projects.csv': table(
      ['project a', 'project b', 'shared members', 'shared themes', 'member count'],
      figures.overlap.pairs.map((p) => [
        name(p.projects[0]),
        name(p.projects[1]),
        p.members.map(name).join('; '),
        p.themes.join('; '),
        p.members.length,
      ]),
    ),
    'role-coverage.csv': table(
      ['project', 'sponsors', 'scouts', 'connectors', 'missing'],
      figures.roleCoverage.map((c) => [
        name(c.projectId),
        c.counts.sponsor,
        c.counts.scout,
        c.counts.connector,
        c.missing.join('; '),
      ]),
    ),
    'maintenance.csv': table(
      ['relationship id', 'source', 'target', 'last checked', 'days since'],
      [
        ...figures.maintenance.stale.map((s) => [s.id, ...ends(s.id), s.lastChecked, s.days]),
        ...figures.maintenance.neverChecked.map((id) => [id, ...ends(id), null, null]),
      ],
    ),
    'health.csv': table(
      ['list', 'relationship id', 'source', 'target', 'dimension', 'value'],
      [
        ...HEALTH_DIMENSIONS.map((d) => ['board mean', null, null, null, d, health.dimensionMeans[d]]),
        ...health.lowest.map((l) => ['lowest mean', l.id, ...ends(l.id), null, l.score]),
        ...health.widestSpread.map((w) => ['widest spread', w.id, ...ends(w.id), w.dimension, w.spread]),
      ],
    ),
    'give-take.csv': table(
      ['id', 'name', 'brings', 'takes', 'balance'],
      [...figures.giveTake.bringsMore, ...figures.giveTake.takesMore].map((r) => [
        r.id,
        name(r.id),
        r.brings,
        r.takes,
        r.brings - r.takes,
      ]),
    ),
    'clusters.csv': table(
      ['cluster', 'id', 'name', 'kind'],
      figures.clusters.groups.flatMap((members, i) => members.map((id) => [i + 1, id, name(id), kind(id)])),
    ),
  };
}
