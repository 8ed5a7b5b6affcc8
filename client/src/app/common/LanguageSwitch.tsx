import { languages, setLanguage, useLanguage, useT } from '../../i18n/index.ts';

/** Two toggle buttons, EN and NL; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const t = useT();
  const current = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__button"
          aria-pressed={language === current}
          aria-label={`${language.toUpperCase()} — ${t(language === 'en' ? 'language.en' : 'language.nl')}`}
          onClick={() => setLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
