import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './electron/main/contentSecurityPolicy.ts';

const root = import.meta.dirname;

/**
 * Native addons (better-sqlite3, sherpa-onnx) and the FFmpeg binary packages are loaded from node_modules at run
 * time (they locate files next to themselves), so they must never be bundled. electron-vite already externalises
 * every dependency; naming them here keeps that true if someone narrows `externalizeDeps`.
 */
const nativeModules = ['better-sqlite3', /^@ffmpeg-installer\//, /^@ffprobe-installer\//, /^sherpa-onnx/];

/** The dev server needs inline scripts and styles; index.html carries the production policy. */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'lectern:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(
        /(http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/,
        `$1${contentSecurityPolicy({ dev: true, delivery: 'meta' })}$2`,
      ),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          worker: resolve(root, 'electron/pipeline/workers/worker.ts'),
        },
        external: nativeModules,
        // Shared chunks stay beside index.js and worker.js (not in chunks/): modules that find siblings through
        // import.meta.url, like the worker entry lookup, must resolve the same wherever the bundler puts them.
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only 'electron': shared code and zod are bundled into the one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), devContentSecurityPolicy()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
