import { defineConfig } from '@playwright/test';

/**
 * E2E runs against the production build served by `vite preview`, in Debian's Chromium (Playwright's own
 * browser download is not reachable here). PORTICO_CHROMIUM overrides the browser path.
 */
const chromium = process.env.PORTICO_CHROMIUM ?? '/usr/bin/chromium';
/** Several checkouts (or people) can run the suite side by side: each on its own port and build folder. */
const port = Number(process.env.PORTICO_E2E_PORT ?? 4173);
const outDir = process.env.PORTICO_E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: 'off',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
