import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { languages, type Language } from './defineMessages.ts';

const STORAGE_KEY = 'interplay.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The remembered choice, else the browser's preferred languages, else English. */
export function detectLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // localStorage can be unavailable (privacy mode); fall through to the browser's language.
  }
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export const languageStore = createStore<{ language: Language }>(() => ({ language: detectLanguage() }));

/** Switches the interface language and remembers the choice in this browser. */
export function setLanguage(language: Language): void {
  languageStore.setState({ language });
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch still applies to this page.
  }
}

const selectLanguage = (state: { language: Language }): Language => state.language;

/** The current interface language; re-renders when it changes. */
export function useLanguage(): Language {
  return useStore(languageStore, selectLanguage);
}
