import { HEALTH_DIMENSIONS } from '@interplay/shared';
import type { BoardSnapshot, OrganisationId, PersonId, ProjectId, RelationshipId } from '@interplay/shared';
import { translate } from '../../i18n/index.ts';
import type { Language } from '../../i18n/index.ts';
import type { InsightFigures } from '../figures/figureTypes.ts';
import { FIGURES_CSV_WORDS } from './figuresCsvWords.ts';
import type { FigureTable, FiguresCsvWords } from './figuresCsvWords.ts';

type Cell = string | number | null;

/** One CSV cell: quoted when needed, and a leading = + - @ guarded so a spreadsheet never runs it. */
function cell(value: Cell, words: FiguresCsvWords): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    const rounded = String(Math.round(value * 10_000) / 10_000);
    return words.decimalComma ? rounded.replace('.', ',') : rounded;
  }
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** How the tables name what the figures give by id: a node or project by name, a relationship by its ends. */
function namesOn(snapshot: BoardSnapshot, words: FiguresCsvWords) {
  const name = (id: string): string =>
    snapshot.organisations.get(id as OrganisationId)?.name ??
    snapshot.people.get(id as PersonId)?.name ??
    snapshot.projects.get(id as ProjectId)?.name ??
    '';
  const kind = (id: string): string =>
    snapshot.organisations.has(id as OrganisationId) ? words.kinds.organisation : words.kinds.person;
  const ends = (id: string): [string, string] => {
    const r = snapshot.relationships.get(id as RelationshipId);
    return r ? [name(r.source), name(r.target)] : ['', ''];
  };
  return { name, kind, ends };
}

/**
 * The figures as CSV tables, one per figure, names beside ids (the board's CSV export's conventions), in the
 * interface's language: English (commas) or Dutch (Dutch file names, headers and words, semicolons and
 * decimal commas, as Dutch Excel expects). Keys are file names.
 */
export function figuresCsv(
  figures: InsightFigures,
  snapshot: BoardSnapshot,
  language: Language = 'en',
): Record<string, string> {
  const words = FIGURES_CSV_WORDS[language];
  const table = (kind: FigureTable, rows: readonly (readonly Cell[])[]): [string, string] => [
    words.files[kind],
    [words.headers[kind], ...rows]
      .map((row) => row.map((c) => cell(c, words)).join(words.separator))
      .join('\r\n') + '\r\n',
  ];
  const { name, kind, ends } = namesOn(snapshot, words);
  const dimension = (d: (typeof HEALTH_DIMENSIONS)[number]): string =>
    translate(language, `health.dimension.${d}`);
  const { shape, health } = figures;
  const m = words.measures;
  return Object.fromEntries([
    table('summary', [
      [m.organisations, shape.organisations],
      [m.people, shape.people],
      [m.linkedPairs, shape.linkedPairs],
      [m.groups, shape.groups],
      [m.density, shape.density],
      [m.averageDegree, shape.averageDegree],
      [m.atMostOne, shape.organisationsWithAtMostOne],
      [m.modularity, figures.clusters.modularity],
      [m.date, figures.today],
    ]),
    table(
      'brokers',
      figures.brokers.map((b, i) => [i + 1, b.id, name(b.id), kind(b.id), b.score]),
    ),
    table(
      'weakSpots',
      figures.articulationPoints.map((p) => [p.id, name(p.id), kind(p.id), p.separated]),
    ),
    table(
      'isolated',
      figures.isolated.map((id) => [id, name(id), kind(id)]),
    ),
    table(
      'weaklyTied',
      figures.weaklyTied.map((id) => [id, name(id), kind(id)]),
    ),
    table(
      'overlapMembers',
      figures.overlap.nodes.map((n) => [
        n.id,
        name(n.id),
        kind(n.id),
        n.projectIds.map(name).join('; '),
        n.projectIds.length,
      ]),
    ),
    table(
      'overlapProjects',
      figures.overlap.pairs.map((p) => [
        name(p.projects[0]),
        name(p.projects[1]),
        p.members.map(name).join('; '),
        p.themes.join('; '),
        p.members.length,
      ]),
    ),
    table(
      'roleCoverage',
      figures.roleCoverage.map((c) => [
        name(c.projectId),
        c.counts.sponsor,
        c.counts.scout,
        c.counts.connector,
        c.missing.map((role) => words.roles[role]).join('; '),
      ]),
    ),
    table('maintenance', [
      ...figures.maintenance.stale.map((s) => [s.id, ...ends(s.id), s.lastChecked, s.days]),
      ...figures.maintenance.neverChecked.map((id) => [id, ...ends(id), null, null]),
    ]),
    table('health', [
      ...HEALTH_DIMENSIONS.map((d) => [
        words.lists.boardMean,
        null,
        null,
        null,
        dimension(d),
        health.dimensionMeans[d],
      ]),
      ...health.lowest.map((l) => [words.lists.lowestMean, l.id, ...ends(l.id), null, l.score]),
      ...health.widestSpread.map((w) => [
        words.lists.widestSpread,
        w.id,
        ...ends(w.id),
        dimension(w.dimension),
        w.spread,
      ]),
    ]),
    table(
      'giveTake',
      [...figures.giveTake.bringsMore, ...figures.giveTake.takesMore].map((r) => [
        r.id,
        name(r.id),
        r.brings,
        r.takes,
        r.brings - r.takes,
      ]),
    ),
    table(
      'clusters',
      figures.clusters.groups.flatMap((members, i) => members.map((id) => [i + 1, id, name(id), kind(id)])),
    ),
  ]);
}
