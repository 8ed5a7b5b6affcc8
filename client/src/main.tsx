// First: on a board link this starts the link check and the websocket before the rest is evaluated.
import './app/board/earlyBoardConnection.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
// The canvas and the image export use the same font, so exported maps look like the screen.
import '@fontsource-variable/inter/wght.css';
import './styles/tokens.css';
import './styles/global.css';
import './styles/startPage.css';
import './styles/boardPage.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
