import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { appPreload } from './appPreload.ts';

export default defineConfig({
  plugins: [react(), appPreload('/src/startApp.tsx')],
  build: {
    outDir: 'dist',
    // Hidden: the maps stay beside the build for debugging; the server does not publish them.
    sourcemap: 'hidden',
    rolldownOptions: {
      // The service worker is its own entry, at a fixed address at the root (its scope is the whole site).
      input: { main: 'index.html', sw: 'src/serviceWorker.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
});
