import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { appPreload } from './appPreload.ts';

export default defineConfig({
  plugins: [react(), appPreload('/src/startApp.tsx')],
  // Hidden: the maps stay beside the build for debugging; the server does not publish them.
  build: { outDir: 'dist', sourcemap: 'hidden' },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
});
