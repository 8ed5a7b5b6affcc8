// First: on a board link this starts the link check and the websocket before the rest is loaded.
import './app/board/earlyBoardConnection.ts';
// The canvas and the image export use the same font, so exported maps look like the screen.
import '@fontsource-variable/inter/wght.css';
import './styles/tokens.css';
import './styles/global.css';
import './styles/startPage.css';
import './styles/boardPage.css';

// The rest of the app (React, the map, the panels: most of the script) is a separate chunk, so the
// socket opens once this small one has run, not after the browser compiled and ran all of it; the
// server loads the board and sends it while the app's chunk loads. `index.html` asks for that
// chunk at once (the `appPreload` plugin in vite.config.ts), so it is not fetched only now.
void import('./startApp.tsx').then(({ startApp }) => startApp());

// The app shell for reloads without a network (see serviceWorker.ts); a page without it works as before.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
