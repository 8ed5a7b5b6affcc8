import type { ProjectLayout } from '../exportLayout.ts';
import { OUTSIDER_FRAME, PROJECT_LABEL } from '../../../canvas/projects/projectAreaLayout.ts';
import { attrs, text } from '../svgMarkup.ts';
import { baseline } from './svgDefs.ts';

/**
 * Translucent project areas, as ProjectAreas.tsx draws them; overlaps show as blended colour. A card or
 * person an area takes in without being a member gets a dashed frame cut out of it.
 */
export function projectAreasSvg(projects: readonly ProjectLayout[]): string {
  return projects
    .map(
      ({ project, shape, outsiders }) =>
        `<path${attrs({
          d: shape.path,
          fill: project.colour,
          'fill-opacity': '0.13',
          stroke: project.colour,
          'stroke-opacity': '0.55',
          'stroke-width': 2,
          'stroke-linejoin': 'round',
          'data-id': project.id,
        })}/>` +
        outsiders
          .map(
            (frame) =>
              `<rect${attrs({
                class: 'ip-project-outsider',
                ...frame,
                rx: OUTSIDER_FRAME.rx,
                fill: OUTSIDER_FRAME.fill,
                'fill-opacity': OUTSIDER_FRAME.fillOpacity,
                stroke: project.colour,
                'stroke-opacity': OUTSIDER_FRAME.strokeOpacity,
                'stroke-width': OUTSIDER_FRAME.strokeWidth,
                'stroke-dasharray': OUTSIDER_FRAME.strokeDasharray,
              })}/>`,
          )
          .join(''),
    )
    .join('');
}

/** A project's name in a white pill with a colour swatch, on its area's outline where `placeProjectLabels` put it. */
export function projectLabelSvg({ project, label }: ProjectLayout): string {
  const { x, y, width, text: name } = label;
  const h = PROJECT_LABEL.height;
  const left = x - width / 2;
  const swatchX = left + PROJECT_LABEL.border + PROJECT_LABEL.paddingX + PROJECT_LABEL.swatch / 2;
  return (
    `<g${attrs({ class: 'ip-project-label', 'data-id': project.id })}>` +
    `<rect${attrs({ x: left + 1, y: y - h / 2 + 1, width: width - 2, height: h - 2, rx: h / 2, stroke: project.colour })} fill="#ffffff" stroke-width="2"/>` +
    `<circle${attrs({ cx: swatchX, cy: y, r: PROJECT_LABEL.swatch / 2, fill: project.colour })}/>` +
    text(name, {
      x: swatchX + PROJECT_LABEL.swatch / 2 + PROJECT_LABEL.gap,
      y: baseline(y - h / 2, h, PROJECT_LABEL.size),
      'font-size': PROJECT_LABEL.size,
      'font-weight': 700,
      fill: '#16202e',
    }) +
    '</g>'
  );
}
