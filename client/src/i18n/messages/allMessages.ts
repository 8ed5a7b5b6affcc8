import type { Language } from '../defineMessages.ts';
import { canvasMessages } from './canvas.ts';
import { shellMessages } from './shell.ts';

/** Every area's strings merged into one table per language. Add new areas here. */
const en = { ...shellMessages.en, ...canvasMessages.en };

/** Any string key of the interface; `t()` accepts only these. */
export type MessageKey = keyof typeof en;

export const allMessages: Record<Language, Record<MessageKey, string>> = {
  en,
  nl: { ...shellMessages.nl, ...canvasMessages.nl },
};
