import { useCallback } from 'react';
import type { Language } from './defineMessages.ts';
import { allMessages, type MessageKey } from './messages/allMessages.ts';
import { useLanguage } from './languageStore.ts';

/** Values for `{placeholder}`s in a message. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** A translate function: `t('status.label', { status })`. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** Looks a key up in one language and fills its placeholders (unknown placeholders stay visible). */
export function translate(language: Language, key: MessageKey, vars?: MessageVars): string {
  const template = allMessages[language][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The translate function for the current language. Keys are typed, so a
 * missing key is a compile error.
 *
 * @example
 * const t = useT();
 * return <button aria-label={t('people.editName')}>{t('status.connected')}</button>;
 */
export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key, vars) => translate(language, key, vars), [language]);
}
