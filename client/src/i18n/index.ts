export { useT, translate, type Translate, type MessageVars } from './useT.ts';
export { useLanguage, setLanguage, detectLanguage, languageStore } from './languageStore.ts';
export { defineMessages, languages, type Language } from './defineMessages.ts';
export type { MessageKey } from './messages/allMessages.ts';
