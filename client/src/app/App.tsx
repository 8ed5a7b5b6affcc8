import { useMemo } from 'react';
import { useT } from '../i18n/index.ts';
import { parseRoute } from './route.ts';
import { StartPage } from './start/StartPage.tsx';
import { BoardPage } from './board/BoardPage.tsx';
import { MessagePage } from './common/MessagePage.tsx';
import { useDocumentLanguage } from './common/useDocumentLanguage.ts';

/** Picks the page from `location`; navigation between pages is a full page load. */
export function App() {
  useDocumentLanguage();
  const t = useT();
  const route = useMemo(() => parseRoute(window.location), []);
  switch (route.page) {
    case 'start':
      return <StartPage />;
    case 'board':
      if (route.key === null) {
        return <MessagePage tone="alert" heading={t('error.heading')} message={t('error.missingKey')} />;
      }
      return <BoardPage boardId={route.boardId} boardKey={route.key} />;
    case 'notFound':
      return <MessagePage tone="alert" heading={t('notFound.heading')} message={t('notFound.body')} />;
  }
}
