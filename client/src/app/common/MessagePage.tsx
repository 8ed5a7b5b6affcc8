import { useT } from '../../i18n/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

interface MessagePageProps {
  heading: string;
  message: string;
  /** `alert` for errors (announced at once), `status` for neutral waits. */
  tone: 'alert' | 'status';
}

/** A full page with one message and a way back to the start page: never a blank page. */
export function MessagePage({ heading, message, tone }: MessagePageProps) {
  const t = useT();
  return (
    <div className="message-page">
      <header className="message-page__top">
        <a className="brand" href="/">
          {t('app.name')}
        </a>
        <LanguageSwitch />
      </header>
      <main className="message-page__card" role={tone} data-testid="message-page">
        <h1>{heading}</h1>
        <p>{message}</p>
        {tone === 'alert' && (
          <a className="button button--primary" href="/">
            {t('error.backToStart')}
          </a>
        )}
      </main>
    </div>
  );
}
