import { defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium } from "./scripts/lib/chromium";

// Run through `npm test`, which prepares the database and the build and sets E2E_PORT.
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON ?? "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs },
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: /security\/actions.*\.spec\.ts$/ },
    // The server-action probes compare fingerprints of the whole database, so they run alone,
    // one file at a time, once every other spec is done (docs/decisions/017-server-action-probes.md).
    { name: "actions", use: { browserName: "chromium" }, testMatch: /security\/actions.*\.spec\.ts$/, dependencies: ["chromium"], workers: 1 },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port}`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
