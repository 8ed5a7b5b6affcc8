/** Red → amber → green over the 1–10 health scale; grey when unscored. Readable on white and as edge colour. */
type Rgb = readonly [number, number, number];
const RED: Rgb = [200, 30, 30];
const AMBER: Rgb = [224, 150, 0];
const GREEN: Rgb = [22, 140, 60];

export const UNSCORED_COLOUR = '#9aa3ae';

function mix(from: Rgb, to: Rgb, f: number): string {
  const channel = (c: 0 | 1 | 2): string =>
    Math.round(from[c] + (to[c] - from[c]) * f)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/** The colour of a mean health score (1–10), or grey for null. */
export function healthColour(mean: number | null): string {
  if (mean === null) return UNSCORED_COLOUR;
  const value = Math.min(10, Math.max(1, mean));
  return value <= 5.5 ? mix(RED, AMBER, (value - 1) / 4.5) : mix(AMBER, GREEN, (value - 5.5) / 4.5);
}

/** A CSS gradient of the scale, for the legend. */
export const HEALTH_GRADIENT = `linear-gradient(90deg, ${healthColour(1)}, ${healthColour(5.5)}, ${healthColour(10)})`;

/** One decimal, in the page's language ("6.4" / "6,4"). */
export function formatScore(value: number, language: 'en' | 'nl'): string {
  return value.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}
