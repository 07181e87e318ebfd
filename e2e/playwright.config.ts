import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3217);
/** The fake YTJ (e2e/fake-ytj.mjs) the app asks instead of PRH; far from the app's port so parallel runs do not meet. */
export const E2E_YTJ_PORT = Number(process.env.E2E_YTJ_PORT ?? E2E_PORT + 20_000);
export const ADMIN = { email: 'e2e.admin@example.fi', password: 'e2e-kivi-kahvikuppi-123' };

// A fresh embedded database for every run; the folder is created once, by the main process.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'crm-e2e-'));

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  // One product instance and one shared database: journeys run one after another, each with its own data.
  workers: 1,
  fullyParallel: false,
  // One retry on CI only: a journey that fails twice fails the run; one that passes on retry is listed as flaky.
  retries: process.env.CI ? 1 : 0,
  // Generous: the shared CI machine is sometimes heavily loaded; a passing run takes far less.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
    viewport: { width: 1280, height: 800 },
    actionTimeout: 20_000,
    navigationTimeout: 45_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `node ${__dirname}/fake-ytj.mjs`,
      url: `http://127.0.0.1:${E2E_YTJ_PORT}/health`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { E2E_YTJ_PORT: String(E2E_YTJ_PORT) },
    },
    {
      // E2E_APP_ROOT lets a run use a build elsewhere (e.g. a git worktree); by default this checkout's build.
      command: `node ${process.env.E2E_APP_ROOT ?? '..'}/backend/dist/main.js`,
      url: `http://127.0.0.1:${E2E_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(E2E_PORT),
        DATA_DIR: process.env.E2E_DATA_DIR,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: 'warn',
        // The suite always runs on its own embedded database, never on a configured server.
        DATABASE_URL: '',
        PRH_API_URL: `http://127.0.0.1:${E2E_YTJ_PORT}/opendata-ytj-api/v3`,
        PRH_REQUESTS_PER_SECOND: '50',
        REGISTER_REFRESH_POLL_MS: '500',
      },
    },
  ],
});
