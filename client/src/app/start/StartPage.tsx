import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import type { CreatedBoard } from '../api/boardApi.ts';
import { LanguageSwitch } from '../common/LanguageSwitch.tsx';
import { NewBoardForm } from './NewBoardForm.tsx';
import { BoardLinks } from './BoardLinks.tsx';

/** `/`: explains the product, creates a board and hands out its three links. */
export function StartPage() {
  const t = useT();
  const [created, setCreated] = useState<CreatedBoard | null>(null);
  return (
    <div className="start-page">
      <header className="start-page__top">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className="start-page__main">
        <section className="start-page__intro">
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </section>
        {created === null ? (
          <NewBoardForm onCreated={setCreated} />
        ) : (
          <BoardLinks board={created} origin={window.location.origin} onAnother={() => setCreated(null)} />
        )}
      </main>
    </div>
  );
}
