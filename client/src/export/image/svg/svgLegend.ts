import { FORMS, RELATIONSHIP_KINDS, ROLES, SECTORS } from '@interplay/shared';
import type { Direction, Strength } from '@interplay/shared';
import {
  directionMarkers,
  formDashArray,
  KIND_COLOURS,
  strengthWidth,
} from '../../../theme/relationshipStyle.ts';
import { SECTOR_COLOURS } from '../../../theme/sectors.ts';
import type { ExportLabels } from '../exportLabels.ts';
import { attrs, num, text } from '../svgMarkup.ts';
import { textWidth, wrapText } from '../../../canvas/text/textMetrics.ts';
import { OUTSIDER_FRAME } from '../../../canvas/projects/projectAreaLayout.ts';
import { healthColour, UNSCORED_COLOUR } from '../../../theme/healthColour.ts';
import { roleBadgeId, sectorIconId, shapeRef } from './svgDefs.ts';

export const LEGEND_WIDTH = 460;
const PAD = 18;
const ROW = 26;
const COLUMN = (LEGEND_WIDTH - 2 * PAD) / 2;
const SIZE = 13;
const SAMPLE = 44;
const STRENGTHS: readonly Strength[] = [1, 2, 3, 4, 5];
const DIRECTIONS: readonly Direction[] = ['none', 'oneWay', 'bothWays'];
const INK = '#334155';

const label = (content: string, x: number, y: number, weight = 400): string =>
  text(content, { x, y: y + SIZE * 0.36, 'font-size': SIZE, 'font-weight': weight, fill: '#16202e' });

/** A short sample line (centred on `y`), as the on-screen Legend.tsx draws it. */
function sampleLine(
  x: number,
  y: number,
  colour: string,
  width: number,
  dash?: string,
  direction: Direction = 'none',
): string {
  const markers = directionMarkers(direction);
  let out = `<line${attrs({
    x1: x + (markers.start ? 12 : 4),
    y1: y,
    x2: x + SAMPLE - (markers.end ? 12 : 4),
    y2: y,
    stroke: colour,
    'stroke-width': width,
    'stroke-dasharray': dash,
    'stroke-linecap': 'round',
  })}/>`;
  if (markers.end)
    out += `<polygon${attrs({ points: `${x + SAMPLE - 2},${y} ${x + SAMPLE - 13},${y - 5.5} ${x + SAMPLE - 13},${y + 5.5}`, fill: colour })}/>`;
  if (markers.start)
    out += `<polygon${attrs({ points: `${x + 2},${y} ${x + 13},${y - 5.5} ${x + 13},${y + 5.5}`, fill: colour })}/>`;
  return out;
}

/** The health scale as steps (the canvas legend's gradient, in plain rects every SVG reader paints alike). */
const HEALTH_STEPS = 10;
const HEALTH_STEP_WIDTH = 16;

/** The legend's markup as it is written top to bottom: `y` is where the next row goes. */
class LegendBlock {
  readonly parts: string[] = [];
  y = PAD;

  push(...markup: string[]): void {
    this.parts.push(...markup);
  }

  heading(content: string): void {
    this.y += 8;
    this.push(
      text(content, { x: PAD, y: this.y + 12, 'font-size': 14, 'font-weight': 700, fill: '#16202e' }),
    );
    this.y += 28;
  }

  /** One item per row, with text wrapped to the width left of `textX`. */
  rows(items: ReadonlyArray<{ draw: (y: number) => string; content: string }>, textX: number): void {
    for (const item of items) {
      const lines = wrapText(item.content, {
        maxWidth: LEGEND_WIDTH - PAD - textX,
        fontSize: SIZE,
        weight: 400,
        maxLines: 3,
      });
      this.push(item.draw(this.y));
      lines.forEach((line, i) => this.push(label(line, textX, this.y + i * 17)));
      this.y += ROW + (lines.length - 1) * 17;
    }
  }

  /** Two items per row; labels cut to fit their column. */
  grid(
    items: ReadonlyArray<{ draw: (x: number, y: number) => string; content: string }>,
    textOffset: number,
  ): void {
    items.forEach((item, i) => {
      const x = PAD + (i % 2) * COLUMN;
      const rowY = this.y + Math.floor(i / 2) * ROW;
      const [line = ''] = wrapText(item.content, {
        maxWidth: COLUMN - textOffset - 6,
        fontSize: SIZE,
        weight: 400,
        maxLines: 1,
      });
      this.push(item.draw(x, rowY), label(line, x + textOffset, rowY));
    });
    this.y += Math.ceil(items.length / 2) * ROW;
  }
}

/** The health scale from low to high in steps, and the colour of unscored relationships. */
function healthSection(block: LegendBlock, labels: ExportLabels): void {
  block.heading(labels.legend.health);
  const lowWidth = textWidth(labels.legend.healthLow, SIZE, 400);
  const scaleX = PAD + lowWidth + 10;
  block.push(label(labels.legend.healthLow, PAD, block.y));
  for (let step = 0; step < HEALTH_STEPS; step++) {
    const score = 1 + (9 * step) / (HEALTH_STEPS - 1);
    block.push(
      `<rect${attrs({ x: scaleX + step * HEALTH_STEP_WIDTH, y: block.y - 6, width: HEALTH_STEP_WIDTH, height: 12, fill: healthColour(score) })}/>`,
    );
  }
  block.push(label(labels.legend.healthHigh, scaleX + HEALTH_STEPS * HEALTH_STEP_WIDTH + 10, block.y));
  block.y += ROW;
  block.rows(
    [{ content: labels.legend.healthNone, draw: (cy) => sampleLine(PAD, cy, UNSCORED_COLOUR, 4) }],
    PAD + SAMPLE + 10,
  );
}

/** Project areas (two overlapping), a non-member's frame in an area and the dashed person–organisation link. */
function projectsSection(block: LegendBlock, labels: ExportLabels): void {
  block.heading(labels.legend.projects);
  block.rows(
    [
      {
        content: labels.legend.projectArea,
        draw: (cy) =>
          `<rect x="${PAD}" y="${num(cy - 10)}" width="28" height="20" rx="8" fill="#3b82f6" fill-opacity="0.18" stroke="#3b82f6" stroke-opacity="0.6" stroke-width="2"/>` +
          `<rect x="${PAD + 16}" y="${num(cy - 10)}" width="28" height="20" rx="8" fill="#f59e0b" fill-opacity="0.18" stroke="#f59e0b" stroke-opacity="0.6" stroke-width="2"/>`,
      },
      {
        content: labels.legend.projectOutsider,
        draw: (cy) =>
          `<rect x="${PAD}" y="${num(cy - 11)}" width="${SAMPLE - 4}" height="22" rx="8" fill="#6d28d9" fill-opacity="0.13" stroke="#6d28d9" stroke-opacity="0.55" stroke-width="2"/>` +
          `<rect x="${PAD + 10}" y="${num(cy - 6)}" width="${SAMPLE - 24}" height="12" rx="4" fill="${OUTSIDER_FRAME.fill}" fill-opacity="${OUTSIDER_FRAME.fillOpacity}" stroke="#6d28d9" stroke-opacity="${OUTSIDER_FRAME.strokeOpacity}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
      },
      {
        content: labels.legend.personLink,
        draw: (cy) =>
          `<line x1="${PAD + 4}" y1="${num(cy)}" x2="${PAD + SAMPLE - 4}" y2="${num(cy)}" stroke="#64748b" stroke-width="1.5" stroke-dasharray="5 4"/>`,
      },
    ],
    PAD + SAMPLE + 10,
  );
}

/**
 * The legend as an SVG block `LEGEND_WIDTH` wide: sectors, roles, kinds (or,
 * coloured by health, the health scale), forms, strength, direction and
 * projects, in the labels' language. Returns the markup (drawn from 0,0) and its height.
 */
export function legendSvg(
  labels: ExportLabels,
  { colourByHealth = false }: { colourByHealth?: boolean } = {},
): { markup: string; height: number } {
  const block = new LegendBlock();
  block.push(
    text(labels.legend.title, {
      x: PAD,
      y: block.y + 18,
      'font-size': 20,
      'font-weight': 700,
      fill: '#16202e',
    }),
  );
  block.y += 30;

  block.heading(labels.legend.sectors);
  block.grid(
    SECTORS.map((sector) => ({
      content: labels.sectors[sector],
      draw: (x, cy) =>
        `<circle${attrs({ cx: x + 11, cy, r: 11, fill: SECTOR_COLOURS[sector] })}/>` +
        shapeRef(sectorIconId(sector), `translate(${num(x + 3.5)} ${num(cy - 7.5)}) scale(0.625)`),
    })),
    30,
  );

  block.heading(labels.legend.roles);
  block.rows(
    ROLES.map((role) => ({
      content: `${labels.roles[role]} — ${labels.roleHelp[role]}`,
      draw: (cy) => shapeRef(roleBadgeId(role), `translate(${PAD} ${num(cy - 10)}) scale(1.25)`),
    })),
    PAD + 30,
  );

  if (colourByHealth) healthSection(block, labels);
  else {
    block.heading(labels.legend.kinds);
    block.grid(
      RELATIONSHIP_KINDS.map((kind) => ({
        content: labels.kinds[kind],
        draw: (x, cy) => sampleLine(x, cy, KIND_COLOURS[kind], 4),
      })),
      SAMPLE + 10,
    );
  }

  block.heading(labels.legend.forms);
  block.rows(
    FORMS.map((form) => ({
      content: `${labels.forms[form]} — ${labels.formHelp[form]}`,
      draw: (cy) => sampleLine(PAD, cy, INK, 3.5, formDashArray(form, 3.5)),
    })),
    PAD + SAMPLE + 10,
  );

  block.heading(labels.legend.strength);
  STRENGTHS.forEach((strength, i) => {
    const x = PAD + i * 84;
    block.push(
      sampleLine(x, block.y, INK, strengthWidth(strength)),
      label(String(strength), x + SAMPLE + 8, block.y),
    );
  });
  block.y += ROW;

  block.heading(labels.legend.directions);
  block.grid(
    DIRECTIONS.map((direction) => ({
      content: labels.directions[direction],
      draw: (x, cy) => sampleLine(x, cy, INK, 2.5, undefined, direction),
    })),
    SAMPLE + 10,
  );

  projectsSection(block, labels);

  const height = block.y + PAD - 8;
  const frame = `<rect x="0.75" y="0.75" width="${LEGEND_WIDTH - 1.5}" height="${num(height - 1.5)}" rx="10" fill="#ffffff" stroke="#c4ccd8" stroke-width="1.5"/>`;
  return { markup: `<g class="ip-legend">${frame}${block.parts.join('')}</g>`, height };
}
