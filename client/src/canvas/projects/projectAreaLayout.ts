import { textWidth } from '../text/textMetrics.ts';

/**
 * Project area geometry shared by the canvas (`ProjectAreas.tsx`) and the
 * image export, so an exported area has exactly the canvas's shape. React-free.
 */

/** Space (flow px) between a member's box and its project area's edge. */
export const PROJECT_AREA_PADDING = 26;

/** The name pill (`.ip-project-label` in canvas.css): font size, height, swatch, padding, gap and border. */
export const PROJECT_LABEL = { size: 15, height: 32, swatch: 12, paddingX: 10, gap: 6, border: 2 } as const;

/** The name pill's width for `name`, measured with Inter's widths as the map draws it. */
export function projectLabelWidth(name: string): number {
  return (
    2 * (PROJECT_LABEL.paddingX + PROJECT_LABEL.border) +
    PROJECT_LABEL.swatch +
    PROJECT_LABEL.gap +
    textWidth(name, PROJECT_LABEL.size, 700)
  );
}

/** A shortened tag's name is at most this wide (flow px). */
const SHORT_NAME_WIDTH = 110;

/**
 * `name` cut to fit a shortened tag, with an ellipsis, for where the whole tag fits nowhere on its
 * area's outline (`placeProjectLabels`); a name that fits already is given back as it is.
 */
export function shortProjectName(name: string): string {
  if (textWidth(name, PROJECT_LABEL.size, 700) <= SHORT_NAME_WIDTH) return name;
  const letters = [...name];
  let end = letters.length;
  while (
    end > 1 &&
    textWidth(`${letters.slice(0, end).join('').trimEnd()}…`, PROJECT_LABEL.size, 700) > SHORT_NAME_WIDTH
  )
    end -= 1;
  return `${letters.slice(0, end).join('').trimEnd()}…`;
}

/**
 * The frame cut out of an area around a card or person it takes in without being a member
 * (`enclosedOutsiders`): the map's background over the area's tint, dashed in the project's colour.
 */
export const OUTSIDER_FRAME = {
  rx: 12,
  fill: '#f7f8fa',
  fillOpacity: 0.92,
  strokeOpacity: 0.75,
  strokeWidth: 2,
  strokeDasharray: '7 5',
} as const;
