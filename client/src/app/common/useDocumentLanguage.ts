import { useEffect } from 'react';
import { useLanguage } from '../../i18n/index.ts';

/** Keeps `<html lang>` in step with the interface language, for screen readers and hyphenation. */
export function useDocumentLanguage(): void {
  const language = useLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}
