import { FORMS, RELATIONSHIP_KINDS, ROLES, SECTORS } from '@interplay/shared';
import type {
  BoardSnapshot,
  NodeId,
  Organisation,
  OrganisationId,
  Person,
  PersonId,
  Project,
  ProjectId,
  Relationship,
  RelationshipId,
  Strength,
} from '@interplay/shared';
import { buildBoardSvg } from '../buildBoardSvg.ts';
import { exportLabels } from '../exportLabels.ts';
import { warmUpBandEncoder } from './encodeBandPng.ts';
import { ExportSvgPainter } from './paintExportSvg.ts';
import { parseExportSvg } from './parseExportSvg.ts';

/**
 * A small document with every kind of element, style and path the export
 * SVG has (cards with text and icons, solid and dashed lines, arrowheads,
 * areas with arcs), for `warmUpPngWorker`.
 */
function sampleSvg(): string {
  const parts: string[] = [
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300" font-family="sans-serif">',
    '<title>warm-up</title><style>text{}</style>',
    '<defs><g id="icon"><path d="M12 20s-7.5-4.6-7.5-10A4.2 4.2 0 0 1 12 7.3z" fill="none" stroke="#123456" stroke-width="2"/></g></defs>',
    '<rect width="400" height="300" fill="#ffffff"/>',
    '<path d="M10,20L50,30L60,80A8 8 0 0 1 52 88L12 90Z" fill="#4e79a7" fill-opacity="0.13" stroke="#4e79a7" stroke-opacity="0.55" stroke-width="2" stroke-linejoin="round"/>',
  ];
  for (let i = 0; i < 30; i += 1) {
    const [x, y] = [(i * 37) % 380, (i * 53) % 280];
    const dash = i % 3 === 0 ? '' : ` stroke-dasharray="${i % 3 === 1 ? '0 4' : '6 4'}"`;
    parts.push(
      `<path d="M ${x}.5 ${y}.5 L ${(x * 7) % 400}.2 ${(y * 3) % 300}.7" fill="none" stroke="#b7791f" stroke-width="1.5" stroke-linecap="round"${dash}/>`,
      `<polygon points="${x},${y} ${x + 6},${y + 3} ${x},${y + 6}" fill="#b7791f"/>`,
      `<g transform="translate(${x} ${y})"><rect x="0" y="0" width="60" height="30" rx="6" fill="#fff" stroke="#333" stroke-width="1"/>`,
      `<circle cx="9" cy="15" r="9" fill="#e15759"/><use href="#icon" transform="translate(2 5) scale(0.5)"/>`,
      `<text x="20" y="14" font-size="9" font-weight="600" letter-spacing="0.2" fill="#16202e">Name ${i} &amp; co</text>`,
      `<text x="30" y="26" font-size="7" text-anchor="middle" fill="#334155">role</text>`,
      `<line x1="0" y1="29" x2="60" y2="29" stroke="#999" stroke-width="0.5"/></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** A small made-up board with every kind of node, role, relationship kind and form, and a project. */
function sampleBoard(): BoardSnapshot {
  const organisations = new Map<OrganisationId, Organisation>();
  const people = new Map<PersonId, Person>();
  const relationships = new Map<RelationshipId, Relationship>();
  const ids: NodeId[] = [];
  SECTORS.forEach((sector, i) => {
    const id = `o${i}` as OrganisationId;
    const position = { x: (i % 4) * 320, y: Math.floor(i / 4) * 200 };
    organisations.set(id, { id, name: `Organisation ${i}`, sector, notes: '', themes: [], position });
    ids.push(id);
  });
  ROLES.forEach((role, i) => {
    const id = `p${i}` as PersonId;
    const position = { x: i * 320 + 40, y: 700 };
    people.set(id, {
      id,
      name: `Person ${i}`,
      organisationId: `o${i}` as OrganisationId,
      roles: [role],
      notes: '',
      position,
    });
    ids.push(id);
  });
  RELATIONSHIP_KINDS.forEach((kind, i) =>
    FORMS.forEach((form, j) => {
      const id = `r${i}-${j}` as RelationshipId;
      relationships.set(id, {
        id,
        source: ids[(i + j) % ids.length]!,
        target: ids[(i * 3 + j + 5) % ids.length]!,
        strength: (((i + j) % 5) + 1) as Strength,
        kind,
        form,
        direction: j === 0 ? 'none' : 'oneWay',
        notes: '',
        lastChecked: null,
      });
    }),
  );
  const project: Project = {
    id: 'x0' as ProjectId,
    name: 'Project',
    colour: '#4e79a7',
    description: '',
    themes: [],
    memberIds: ids.slice(0, 5),
  };
  return {
    organisations,
    people,
    projects: new Map([[project.id, project]]),
    relationships,
    settings: {
      layoutLocked: false,
      boardLocked: false,
      phase: 'open',
      staleAfterDays: 180,
      viewersMayComment: true,
    },
    annotations: new Map(),
    health: new Map(),
    giveTake: new Map(),
  };
}

let warmedUp = false;

/**
 * Runs the PNG worker's own code (SVG writer and reader, painter with and
 * without a band, band encoder) on small made-up input, once per worker, while the
 * export dialog is open: a worker makes one export, and V8 would otherwise
 * run that code unoptimised for much of the real one.
 */
export function warmUpPngWorker(): void {
  if (warmedUp) return;
  warmedUp = true;
  warmUpBandEncoder();
  const labels = exportLabels('en');
  const board = sampleBoard();
  let built = '';
  for (let round = 0; round < 6; round += 1)
    built = buildBoardSvg(board, { labels, legend: true, title: 'Warm-up' });
  if (typeof OffscreenCanvas === 'undefined') return;
  const context = new OffscreenCanvas(64, 64).getContext('2d');
  if (!context) return;
  const documents = [sampleSvg(), built];
  for (let round = 0; round < 12; round += 1) {
    const painter = new ExportSvgPainter(context, parseExportSvg(documents[round % 2]!));
    if (round % 4 < 2) painter.paint(0.05);
    else painter.paint(0.05, { top: 4, rows: 8 });
  }
}
