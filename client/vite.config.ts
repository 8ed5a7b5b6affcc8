import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { appPreload } from './appPreload.ts';

export default defineConfig({
  plugins: [react(), appPreload('/src/startApp.tsx')],
  build: { outDir: 'dist', sourcemap: true },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
});
