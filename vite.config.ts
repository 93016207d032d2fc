import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: [
      // Monaco's JSON language service imports this module for one function, and with it every editor
      // feature Monaco has; the code view's stand-in keeps the function (see src/code-view/monaco-workers.ts).
      {
        find: /^(\.\.\/)+internal\/common\/workers\.js$/,
        replacement: fileURLToPath(new URL('./src/code-view/monaco-workers.ts', import.meta.url)),
      },
    ],
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
