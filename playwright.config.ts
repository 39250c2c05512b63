import { defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium } from "./scripts/lib/chromium";

// Run through `npm test`, which prepares the databases and the build and sets E2E_PORT.
const port = Number(process.env.E2E_PORT ?? 3100);

// The sweep of every page and route handler (tests/e2e/security) runs against a second server
// of the same build on a database of its own, so that other tests' writes never disturb its
// proof that GET changes nothing (docs/decisions/016-page-and-route-sweep.md). Without
// SWEEP_DATABASE_URL it shares the main server.
const sweepDatabase = process.env.SWEEP_DATABASE_URL;
const sweepPort = sweepDatabase ? Number(process.env.SWEEP_PORT ?? port + 1) : port;
const sweepURL = `http://localhost:${sweepPort}`;
const sweepSpecs = [/security[\\/]pages\.spec\.ts$/, /accessibility\.spec\.ts$/];
const actionSpecs = /security[\\/]actions.*\.spec\.ts$/;

// The server-action probes compare fingerprints of their whole database, so they too run on a
// server and database of their own (docs/decisions/017-server-action-probes.md), beside the
// other specs rather than after them. Without ACTIONS_DATABASE_URL they share the main server.
const actionsDatabase = process.env.ACTIONS_DATABASE_URL;
const actionsPort = actionsDatabase ? Number(process.env.ACTIONS_PORT ?? port + 2) : port;

// Each server is the one `npm start` runs (scripts/serve.ts): the client address from the socket,
// draining on stop.
const server = (listen: number, env: Record<string, string> = {}) => ({
  command: "node --import tsx scripts/serve.ts",
  url: `http://localhost:${listen}/api/health`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env: { PORT: String(listen), ...env },
});

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Speed is measured by the benchmarks, not by the tests: the limits here only stop a test that
  // hangs, and leave room for a machine several times slower than the one they were written on
  // (docs/testing.md has each test's time).
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON ?? "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs },
  },
  // Playwright runs projects in phases: a project starts only once every project of the phase
  // before has finished, whether or not it depends on them. So the three large projects all
  // depend on the sweep's short set-up and share one phase: a worker free of one project's tests
  // takes another's, and the sweep's many short tests (last in the queue) fill the end. With the
  // sweep in a later phase, one worker waited for the one-at-a-time action probes for 1.5 minutes.
  projects: [
    { name: "sweep-setup", testMatch: /security[\\/]sweep\.setup\.ts$/, teardown: "sweep-unchanged", use: { baseURL: sweepURL } },
    { name: "chromium", testIgnore: [...sweepSpecs, actionSpecs], dependencies: ["sweep-setup"], use: { browserName: "chromium" } },
    // One file at a time: each compares the fingerprint of the whole database before and after.
    {
      name: "actions",
      use: { browserName: "chromium", baseURL: `http://localhost:${actionsPort}` },
      testMatch: actionSpecs,
      dependencies: ["sweep-setup"],
      workers: 1,
    },
    { name: "sweep", testMatch: sweepSpecs, dependencies: ["sweep-setup"], fullyParallel: true, use: { browserName: "chromium", baseURL: sweepURL } },
    { name: "sweep-unchanged", testMatch: /security[\\/]unchanged\.teardown\.ts$/, use: { baseURL: sweepURL } },
  ],
  webServer: [
    // Behind a proxy on the same machine, as docs/operations.md sets up nginx: the cookie tests
    // send X-Forwarded-Proto as nginx does for https.
    server(port, { LINLI_TRUSTED_PROXIES: "loopback" }),
    ...(sweepDatabase
      ? [
          server(sweepPort, {
            DATABASE_URL: sweepDatabase,
            // Recurring jobs are not requests: the housekeeping must not write while the sweep counts rows.
            LINLI_HOUSEKEEPING: "0",
          }),
        ]
      : []),
    ...(actionsDatabase
      ? [
          server(actionsPort, {
            DATABASE_URL: actionsDatabase,
            // No recurring job may write between a probe's two fingerprints.
            LINLI_HOUSEKEEPING: "0",
          }),
        ]
      : []),
  ],
});
