/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { lessonsPlugin } from './tools/vite-lessons.js';

// monaco-worker-manager imports `monaco-editor/esm/vs/...`, which Monaco 0.57's `exports` map
// rewrites to a path that does not exist; point it at the real folder (stack-notes §6a).
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

export default defineConfig({
  plugins: [lessonsPlugin(fileURLToPath(new URL('./lessons', import.meta.url)))],
  resolve: { alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` }] },
  optimizeDeps: {
    // The dev server would otherwise discover these lazily and reload the page mid-test (§6c).
    include: ['monaco-editor/editor', 'monaco-editor/features/register.all',
      'monaco-editor/languages/definitions/yaml/register', 'monaco-yaml', 'monaco-yaml/yaml.worker.js'],
  },
  worker: { format: 'es' },
  // ASCII output: Chrome keeps one-byte script source for ASCII, about 1 MB less memory (measured).
  build: { target: 'es2022', chunkSizeWarningLimit: 5000, sourcemap: false, rolldownOptions: { output: { charset: 'ascii' } } },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60000,
  },
});
