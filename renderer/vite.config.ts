import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths from this file's URL: the renderer may not import node: modules (eslint), and the config runs from the repo root.
const here = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root: here,
  // Relative asset URLs so the same build loads from file:// in Electron and from any path in browser mode.
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}../dist/renderer`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
