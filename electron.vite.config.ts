import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { pdfjsAssets } from './scripts/vite-pdfjs-assets.js';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // Untrusted files are read in this worker thread (src/main/archive/importers/isolated-extract.ts).
          'extract-worker': resolve(import.meta.dirname, 'src/main/archive/importers/extract-worker.ts'),
        },
        // Native and worker-bearing packages stay in node_modules; kysely (ESM only) is bundled.
        external: ['sqlite3', 'pdfjs-dist'],
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages: bundle everything it uses (zod with the contract).
      externalizeDeps: false,
      rollupOptions: {
        external: ['electron'],
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be one self-contained CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: {
      // Minified: the library's first paint waits on this bundle.
      minify: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
    plugins: [react(), pdfjsAssets()],
  },
});
