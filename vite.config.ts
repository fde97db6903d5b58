import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served by both shells: Electron loads it from disk and the
// browser-mode host serves the same files over HTTP. Relative asset paths make both work.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // One bundle for a desktop app loaded from disk; splitting buys nothing here.
    chunkSizeWarningLimit: 1024,
  },
  server: { host: '127.0.0.1' },
});
