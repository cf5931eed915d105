import { defineConfig } from '@playwright/test';

/**
 * Two projects: the renderer in Debian's Chromium through the loopback bridge (runs everywhere),
 * and the packaged-shape app through Playwright's _electron (skips plainly where no Electron binary exists).
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: { trace: 'retain-on-failure', locale: 'zh-CN' },
  projects: [
    {
      name: 'browser',
      testDir: 'test/e2e/browser',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: process.env.LEDGER_CHROMIUM ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
    { name: 'electron', testDir: 'test/e2e/electron' },
  ],
});
