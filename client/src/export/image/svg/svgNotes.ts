import type { BoardSnapshot, Thread } from '@interplay/shared';
import { wrapText } from '../../../canvas/text/textMetrics.ts';
import { attrs, num, text } from '../svgMarkup.ts';

/** A free note as the map draws it (`.ip-note`: 220 px wide, yellow), its first message and author. */
export interface NoteLayout {
  readonly thread: Thread;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly string[];
}

const NOTE = { width: 220, padding: 12, textSize: 13, lineHeight: 17, authorSize: 11, maxLines: 8 } as const;

/** The free notes of a board (threads placed on the map, not attached to anything), laid out. */
export function layoutNotes(annotations: BoardSnapshot['annotations']): NoteLayout[] {
  return [...annotations.values()].flatMap((thread) => {
    if (thread.position === null || thread.orphaned) return [];
    const content = thread.messages[0]?.text.trim() ?? '';
    const lines = content
      ? wrapText(content, {
          maxWidth: NOTE.width - 2 * NOTE.padding,
          fontSize: NOTE.textSize,
          weight: 600,
          maxLines: NOTE.maxLines,
        })
      : [];
    const height = NOTE.padding * 2 + lines.length * NOTE.lineHeight + NOTE.authorSize + 8;
    return [{ thread, x: thread.position.x, y: thread.position.y, width: NOTE.width, height, lines }];
  });
}

/** One free note: a yellow card with its text and its author's name and colour (paler when resolved). */
export function noteSvg(note: NoteLayout): string {
  const { x, y, width, height, thread } = note;
  const parts = [
    `<g class="ip-note" transform="translate(${num(x)} ${num(y)})">`,
    `<rect${attrs({ width, height, rx: 6, fill: thread.resolved ? '#fffbe0' : '#fff4b8', stroke: '#b39400', 'stroke-width': 1 })}/>`,
  ];
  note.lines.forEach((line, i) => {
    parts.push(
      text(line, {
        x: NOTE.padding,
        y: NOTE.padding + NOTE.textSize + i * NOTE.lineHeight - 2,
        'font-size': NOTE.textSize,
        'font-weight': 600,
        fill: thread.resolved ? '#5b6677' : '#16202e',
      }),
    );
  });
  const authorY = height - NOTE.padding;
  parts.push(
    `<circle${attrs({ cx: NOTE.padding + 4, cy: authorY - 4, r: 4, fill: thread.author.colour })}/>`,
    text(thread.author.name, {
      x: NOTE.padding + 12,
      y: authorY,
      'font-size': NOTE.authorSize,
      'font-weight': 400,
      fill: '#455266',
    }),
    '</g>',
  );
  return parts.join('');
}
