import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// The renderer: relative asset URLs so the same build loads from app://sidecoach (Electron) and
// from the hub's web root. `source` resolves @sidecoach/shared to its TypeScript sources.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: { conditions: ['source'] },
  build: {
    outDir: 'dist/renderer',
    emptyOutDir: true,
    // Maps for reading a crash report, not referenced from the code (the hub does not serve them).
    sourcemap: 'hidden',
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
});
