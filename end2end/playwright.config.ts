import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download cannot reach its servers here.
export default defineConfig({
  testDir: './tests',
  timeout: 120_000,
  retries: 0,
  workers: 1,
  reporter: 'list',
  use: {
    baseURL: process.env.HEARD_URL ?? 'http://127.0.0.1:3000',
    // .ci/cluster serves Heard through nginx with a certificate it made a minute ago.
    ignoreHTTPSErrors: !!process.env.HEARD_IGNORE_TLS_ERRORS,
    // A tablet held upright, as children hold it.
    viewport: { width: 768, height: 1024 },
    // Tests of the enhanced pages without the service worker; offline.spec.ts allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // The fake microphone plays a tone, so recording can be tested without a sound card.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run',
             '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
    },
  },
});
