import type { Language } from '../defineMessages.ts';
import { annotationsMessages } from './annotations.ts';
import { canvasMessages } from './canvas.ts';
import { erasureMessages } from './erasure.ts';
import { exportImportMessages } from './exportImport.ts';
import { facilitationMessages } from './facilitation.ts';
import { giveTakeMessages } from './giveTake.ts';
import { healthMessages } from './health.ts';
import { historyMessages } from './history.ts';
import { insightMessages } from './insight.ts';
import { refusalMessages } from './refusal.ts';
import { shellMessages } from './shell.ts';

/** Every area's strings merged into one table per language. Add new areas here. */
const en = {
  ...shellMessages.en,
  ...canvasMessages.en,
  ...annotationsMessages.en,
  ...healthMessages.en,
  ...historyMessages.en,
  ...giveTakeMessages.en,
  ...exportImportMessages.en,
  ...facilitationMessages.en,
  ...refusalMessages.en,
  ...insightMessages.en,
  ...erasureMessages.en,
};

/** Any string key of the interface; `t()` accepts only these. */
export type MessageKey = keyof typeof en;

export const allMessages: Record<Language, Record<MessageKey, string>> = {
  en,
  nl: {
    ...shellMessages.nl,
    ...canvasMessages.nl,
    ...annotationsMessages.nl,
    ...healthMessages.nl,
    ...historyMessages.nl,
    ...giveTakeMessages.nl,
    ...exportImportMessages.nl,
    ...facilitationMessages.nl,
    ...refusalMessages.nl,
    ...insightMessages.nl,
    ...erasureMessages.nl,
  },
};
