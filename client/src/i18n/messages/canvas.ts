import { defineMessages } from '../defineMessages.ts';

/**
 * Canvas strings (owned by the canvas engineer). Prefix keys with `canvas.`;
 * English and Dutch must have the same keys.
 */
export const canvasMessages = defineMessages({
  en: {},
  nl: {},
});
