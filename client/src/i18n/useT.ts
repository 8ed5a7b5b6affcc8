import { useCallback } from 'react';
import type { Language } from './defineMessages.ts';
import { allMessages, type MessageKey } from './messages/allMessages.ts';
import { useLanguage } from './languageStore.ts';

/** Values for `{placeholder}`s in a message. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** A translate function: `t('status.label', { status })`. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

const pluralRules: Record<Language, Intl.PluralRules> = {
  en: new Intl.PluralRules('en'),
  nl: new Intl.PluralRules('nl'),
};

/**
 * Looks a key up in one language and fills its placeholders (unknown placeholders stay visible).
 * `{count:project|projects}` is the singular or the plural form as the language's rules choose for `count`
 * ("1 project", "2 projecten"), so a number never stands beside the wrong form.
 */
export function translate(language: Language, key: MessageKey, vars?: MessageVars): string {
  const template = allMessages[language][key];
  if (!vars) return template;
  return template
    .replace(/\{(\w+):([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return pluralRules[language].select(Number(value)) === 'one' ? one : other;
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
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
