/** The interface languages. */
export type Language = 'en' | 'nl';

export const languages: readonly Language[] = ['en', 'nl'];

/**
 * Declares one area's strings. English is the reference: Dutch must have exactly
 * the same keys, so a missing or misspelt translation is a type error.
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 *
 * @example
 * export const fooMessages = defineMessages({
 *   en: { 'foo.hello': 'Hello {name}' },
 *   nl: { 'foo.hello': 'Hallo {name}' },
 * });
 */
export function defineMessages<const E extends Record<string, string>>(messages: {
  en: E;
  nl: { [K in keyof E]: string };
}): { en: E; nl: { [K in keyof E]: string } } {
  return messages;
}
