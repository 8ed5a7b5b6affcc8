import type { Page } from 'playwright-core';
import type { PNG } from 'pngjs';

/** One text of an export SVG, where Chromium lays it out, in the PNG's pixels. */
export interface TextBox {
  readonly text: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Every `<text>` of `svg` as Chromium lays it out with the SVG's own embedded font (the SVG shown inline
 * in the page), scaled to an image `width` px wide.
 */
export async function textBoxes(page: Page, svg: string, width: number): Promise<TextBox[]> {
  return page.evaluate(
    async ([markup, imageWidth]) => {
      const host = document.createElement('div');
      host.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden;pointer-events:none';
      host.innerHTML = markup as string;
      document.body.append(host);
      try {
        await document.fonts.ready;
        const root = host.querySelector('svg')!;
        const frame = root.getBoundingClientRect();
        const scale = (imageWidth as number) / frame.width;
        return Array.from(root.querySelectorAll('text'))
          .filter((text) => (text.textContent ?? '').trim() !== '')
          .map((text) => {
            const r = text.getBoundingClientRect();
            return {
              text: text.textContent ?? '',
              left: (r.left - frame.left) * scale,
              top: (r.top - frame.top) * scale,
              right: (r.right - frame.left) * scale,
              bottom: (r.bottom - frame.top) * scale,
            };
          });
      } finally {
        host.remove();
      }
    },
    [svg, width] as const,
  );
}

/**
 * How far ink reaches left and right in a text's box (widened by `margin` px on each side): pixels much
 * darker than the lightest one there. Null when the box holds no ink (e.g. light text on a dark disc).
 */
export function inkSpan(png: PNG, box: TextBox, margin: number): { left: number; right: number } | null {
  const x0 = Math.max(0, Math.floor(box.left - margin));
  const x1 = Math.min(png.width - 1, Math.ceil(box.right + margin));
  const y0 = Math.max(0, Math.floor(box.top));
  const y1 = Math.min(png.height - 1, Math.ceil(box.bottom));
  const luminance = (x: number, y: number): number => {
    const i = (y * png.width + x) * 4;
    return 0.3 * png.data[i]! + 0.59 * png.data[i + 1]! + 0.11 * png.data[i + 2]!;
  };
  let lightest = 0;
  for (let y = y0; y <= y1; y += 1)
    for (let x = x0; x <= x1; x += 1) lightest = Math.max(lightest, luminance(x, y));
  let left = Infinity;
  let right = -Infinity;
  for (let y = y0; y <= y1; y += 1) {
    for (let x = x0; x <= x1; x += 1) {
      if (luminance(x, y) >= lightest - 100) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return left === Infinity ? null : { left, right };
}

/**
 * The texts whose ink reaches further left or right in `ours` than in `reference` (the same export drawn
 * by Chromium from the SVG) by more than 2 px and 3 % of the text's width: a text drawn in another font.
 */
export function textsWithOtherExtents(
  boxes: readonly TextBox[],
  ours: PNG,
  reference: PNG,
): { text: string; ours: string; reference: string }[] {
  const differ: { text: string; ours: string; reference: string }[] = [];
  for (const box of boxes) {
    const margin = Math.max(4, (box.bottom - box.top) * 0.5);
    const [a, b] = [inkSpan(ours, box, margin), inkSpan(reference, box, margin)];
    if (!a || !b) {
      if (a !== b) differ.push({ text: box.text, ours: JSON.stringify(a), reference: JSON.stringify(b) });
      continue;
    }
    const tolerance = Math.max(2, 0.03 * (b.right - b.left));
    if (Math.abs(a.left - b.left) > tolerance || Math.abs(a.right - b.right) > tolerance) {
      differ.push({ text: box.text, ours: `${a.left}–${a.right}`, reference: `${b.left}–${b.right}` });
    }
  }
  return differ;
}
