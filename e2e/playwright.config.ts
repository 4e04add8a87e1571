import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end journeys in Debian's Chromium against a real server on a fresh embedded PostgreSQL
 * (started and stopped by global-setup.ts). `npm run test:e2e`.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

/** A port nobody listens on now, found synchronously (the config must know its baseURL up front). */
function findFreePort(): string {
  return execFileSync(
    process.execPath,
    [
      '-e',
      "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});",
    ],
    { encoding: 'utf8' },
  ).trim();
}

// The config is evaluated again in each worker process: the port chosen by the main process is kept in
// the environment the workers inherit, so every process agrees on one base URL.
process.env.E2E_PORT ||= findFreePort();
process.env.E2E_BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: path.join(root, 'e2e'),
  outputDir: path.join(root, 'test-results', 'e2e-artifacts'),
  globalSetup: path.join(root, 'e2e', 'global-setup.ts'),
  fullyParallel: false,
  workers: 1,
  // Never retried: a journey that passes only on a second try is a bug to fix, not to hide.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  // Generous for a first render on a busy machine (a page's chunks parsed on a shared CPU); an assertion
  // that holds returns at once, so passing runs do not wait for it.
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: path.join(root, 'test-results', 'e2e.json') }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    browserName: 'chromium',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
