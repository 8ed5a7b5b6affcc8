import { healthSummary } from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import { healthColour } from '../../theme/healthColour.ts';
import type { EmbeddedFont } from './embeddedFont.ts';
import { EXPORT_FONT_STACK, fontFaceCss } from './embeddedFont.ts';
import type { ExportLabels } from './exportLabels.ts';
import { layoutBoard } from './exportLayout.ts';
import type { AffiliationLayout, BoardLayout, EdgeLayout, NodeLayout } from './exportLayout.ts';
import type { Box } from '../../canvas/projects/projectShape.ts';
import { selectSubset } from './selectSubset.ts';
import { svgDefs } from './svg/svgDefs.ts';
import { affiliationsSvg, relationshipLabelSvg, relationshipSvg } from './svg/svgEdges.ts';
import { LEGEND_WIDTH, legendSvg } from './svg/svgLegend.ts';
import { organisationSvg, personSvg } from './svg/svgNodes.ts';
import { layoutNotes, noteSvg } from './svg/svgNotes.ts';
import type { NoteLayout } from './svg/svgNotes.ts';
import { projectAreasSvg, projectLabelSvg } from './svg/svgProjects.ts';
import { attrs, escapeXml, MarkupBuffer, num, text } from './svgMarkup.ts';
import { textWidth } from '../../canvas/text/textMetrics.ts';

export interface BoardSvgOptions {
  /** Every word printed, in the user's language (see `exportLabels`). */
  readonly labels: ExportLabels;
  /** BCP 47 tag of the labels' language, for `xml:lang` and upper-casing sector names. Default `en`. */
  readonly language?: string;
  /** Only these nodes, projects and relationships (see `selectSubset`); the whole board when absent or null. */
  readonly selection?: readonly string[] | null;
  /**
   * Organisations, people and relationships drawn faded, as the map fades what a filter or a highlight
   * leaves out (an image "as shown"). A node's lines fade with it.
   */
  readonly faded?: readonly string[] | null;
  readonly title?: string;
  /** Printed under the title as given (format it in the user's language). */
  readonly date?: string;
  readonly legend?: boolean;
  /** The small "made with Interplay" line. */
  readonly madeWith?: boolean;
  /** A label on every relationship (kind · strength). */
  readonly edgeLabels?: boolean;
  /**
   * Relationships coloured by their mean health score, as the map's "Colour by
   * health" shows them, and the health scale in the legend instead of the kinds.
   */
  readonly colourByHealth?: boolean;
  readonly background?: 'white' | 'transparent';
  /** The free notes on the map (default true); never with a selection, which holds no notes. */
  readonly notes?: boolean;
  /** Fonts to embed (see `loadExportFonts`); without them the file asks for Inter by name. */
  readonly fonts?: readonly EmbeddedFont[];
}

/** Space around the map, and between it and the legend. */
const MARGIN = 40;
const PAD = 32;
const GAP = 32;
const TITLE_SIZE = 28;
const DATE_SIZE = 15;
const FOOTER = 28;

/** The map's bounds grown to hold the free notes too (with the same margin). */
function withNotes(bounds: Box, notes: readonly NoteLayout[], board: BoardSnapshot): Box {
  if (notes.length === 0) return bounds;
  const empty = board.organisations.size === 0 && board.people.size === 0;
  const left = Math.min(...notes.map((n) => n.x - MARGIN), ...(empty ? [] : [bounds.x]));
  const top = Math.min(...notes.map((n) => n.y - MARGIN), ...(empty ? [] : [bounds.y]));
  const right = Math.max(
    ...notes.map((n) => n.x + n.width + MARGIN),
    ...(empty ? [] : [bounds.x + bounds.width]),
  );
  const bottom = Math.max(
    ...notes.map((n) => n.y + n.height + MARGIN),
    ...(empty ? [] : [bounds.y + bounds.height]),
  );
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The map's opacity for what a view fades (`.ip-dimmed` in canvas.css). */
const FADED_OPACITY = 0.25;

interface MapParts {
  readonly affiliations: readonly AffiliationLayout[];
  readonly relationships: readonly EdgeLayout[];
  readonly nodes: readonly NodeLayout[];
}

const nodeId = (node: NodeLayout): string =>
  node.kind === 'organisation' ? node.organisation.id : node.person.id;

/** The map's lines and nodes, split into what is faded (null when nothing is) and the rest. */
function splitFaded(
  layout: BoardLayout,
  fadedIds: readonly string[] | null | undefined,
): { faded: MapParts | null; rest: MapParts } {
  const nodes = [...layout.nodes.values()];
  if (!fadedIds || fadedIds.length === 0)
    return {
      faded: null,
      rest: { affiliations: layout.affiliations, relationships: layout.relationships, nodes },
    };
  const ids = new Set(fadedIds);
  // The map's rule: a line fades with either of its ends.
  const fadedAffiliation = (a: AffiliationLayout): boolean =>
    ids.has(a.person.id) || (a.person.organisationId !== null && ids.has(a.person.organisationId));
  const fadedRelationship = ({ relationship: r }: EdgeLayout): boolean =>
    ids.has(r.id) || ids.has(r.source) || ids.has(r.target);
  const part = (faded: boolean): MapParts => ({
    affiliations: layout.affiliations.filter((a) => fadedAffiliation(a) === faded),
    relationships: layout.relationships.filter((edge) => fadedRelationship(edge) === faded),
    nodes: nodes.filter((node) => ids.has(nodeId(node)) === faded),
  });
  return { faded: part(true), rest: part(false) };
}

/** Lines and cards, in the canvas's order; `edgeLabels`: a label on every line, in these words. */
function drawParts(
  body: MarkupBuffer,
  part: MapParts,
  edgeColour: (edge: EdgeLayout) => string | undefined,
  edgeLabels: ExportLabels | null,
): void {
  body.add(affiliationsSvg(part.affiliations));
  body.add(`<g class="ip-relationships">`);
  for (const edge of part.relationships) body.add(relationshipSvg(edge, edgeColour(edge)));
  body.add(`</g>`);
  // People above organisations, as on the canvas (zIndex 1).
  for (const node of part.nodes) if (node.kind === 'organisation') body.add(organisationSvg(node));
  for (const node of part.nodes) if (node.kind === 'person') body.add(personSvg(node));
  if (edgeLabels) for (const edge of part.relationships) body.add(relationshipLabelSvg(edge, edgeLabels));
}

/**
 * The board (or a selection of it) as a standalone SVG document, built from
 * the model, not the DOM: every node wherever it lies, so nothing outside the
 * screen is lost. Pure string building — runs in Node, the page or a Worker.
 * The map keeps flow coordinates at 1 px per unit, so `width`/`height` of the
 * root are its size at 100% zoom.
 */
export function buildBoardSvg(snapshot: BoardSnapshot, options: BoardSvgOptions): string {
  const { labels } = options;
  const language = options.language ?? 'en';
  const board = options.selection ? selectSubset(snapshot, options.selection) : snapshot;
  const nodesLayout = layoutBoard(board, labels.sectors, language, MARGIN);
  const notes = options.notes !== false && !options.selection ? layoutNotes(board.annotations) : [];
  const layout = { ...nodesLayout, bounds: withNotes(nodesLayout.bounds, notes, board) };

  const title = options.title?.trim() ?? '';
  const date = options.date?.trim() ?? '';
  const headerHeight =
    (title ? TITLE_SIZE * 1.3 : 0) + (date ? DATE_SIZE * 1.6 : 0) + (title || date ? 12 : 0);
  const legend = options.legend
    ? legendSvg(labels, { colourByHealth: options.colourByHealth ?? false })
    : null;
  const mapWidth = layout.bounds.width;
  const mapHeight = layout.bounds.height;
  const bodyWidth = mapWidth + (legend ? GAP + LEGEND_WIDTH : 0);
  const width = Math.ceil(
    2 * PAD +
      Math.max(
        bodyWidth,
        title ? textWidth(title, TITLE_SIZE, 700) : 0,
        date ? textWidth(date, DATE_SIZE, 400) : 0,
      ),
  );
  const bodyTop = PAD + headerHeight;
  const height = Math.ceil(
    bodyTop + Math.max(mapHeight, legend?.height ?? 0) + (options.madeWith ? FOOTER : 0) + PAD,
  );

  // The body in flat chunks (see MarkupBuffer), joined once with the document's head at the end.
  const body = new MarkupBuffer();
  if (options.background !== 'transparent')
    body.add(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  if (title) {
    body.add(
      text(title, {
        x: PAD,
        y: PAD + TITLE_SIZE,
        'font-size': TITLE_SIZE,
        'font-weight': 700,
        fill: '#16202e',
        class: 'ip-title',
      }),
    );
  }
  if (date) {
    const y = PAD + (title ? TITLE_SIZE * 1.3 : 0) + DATE_SIZE * 1.2;
    body.add(
      text(date, {
        x: PAD,
        y,
        'font-size': DATE_SIZE,
        'font-weight': 400,
        fill: '#455266',
        class: 'ip-date',
      }),
    );
  }

  body.add(
    `<g class="ip-map" transform="translate(${num(PAD - layout.bounds.x)} ${num(bodyTop - layout.bounds.y)})">`,
  );
  body.add(projectAreasSvg(layout.projects));
  const colourByHealth = options.colourByHealth ?? false;
  const edgeColour = (edge: EdgeLayout): string | undefined =>
    colourByHealth
      ? healthColour(healthSummary(snapshot.health.get(edge.relationship.id)).overallMean)
      : undefined;
  const { faded, rest } = splitFaded(layout, options.faded);
  if (faded) {
    // Under the rest, in one group: overlapping faded cards hide each other as on the map, then fade together.
    body.add(`<g class="ip-faded" opacity="${FADED_OPACITY}">`);
    drawParts(body, faded, edgeColour, options.edgeLabels ? labels : null);
    body.add('</g>');
  }
  drawParts(body, rest, edgeColour, options.edgeLabels ? labels : null);
  for (const project of layout.projects) body.add(projectLabelSvg(project));
  for (const note of notes) body.add(noteSvg(note));
  body.add('</g>');

  if (legend)
    body.add(`<g transform="translate(${num(PAD + mapWidth + GAP)} ${num(bodyTop)})">${legend.markup}</g>`);
  if (options.madeWith) {
    body.add(
      text(labels.madeWith, {
        x: width - PAD,
        y: height - PAD + 4,
        'font-size': 12,
        'font-weight': 600,
        'text-anchor': 'end',
        fill: '#5b6677',
        class: 'ip-made-with',
      }),
    );
  }

  const bodyChunks = body.chunks();
  const fontCss = fontFaceCss(options.fonts ?? [], bodyChunks);
  const head =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs({
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      'xml:lang': language,
      'font-family': EXPORT_FONT_STACK,
    })}>` +
    (title ? `<title>${escapeXml(title)}</title>` : '') +
    (fontCss ? `<style>${fontCss}</style>` : '') +
    svgDefs();
  // One join: the document is a flat string at once (the PNG worker's parse reads it right away).
  return [head, ...bodyChunks, `</svg>`].join('');
}
