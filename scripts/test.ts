// `npm test`: the whole suite. Unit and integration tests (Vitest) against a real
// PostgreSQL, then end-to-end tests (Playwright) in Debian's Chromium against a
// production build. The database server is a throwaway embedded one unless DATABASE_URL
// names a server; on that server the suite creates and drops its own databases.
// `npm test -- --no-e2e` skips the browser part while developing; `npm test -- --e2e-only
// tests/e2e/security` runs only the named browser specs (arguments go to Playwright);
// `npm test -- --no-e2e tests/integration/photos.test.ts` runs only the named Vitest files.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { findChromium } from "./lib/chromium";
import { freePort } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { throwawayServer } from "./lib/throwaway-db";
import { dropDatabase } from "../src/server/db/migrate";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const say = (line: string) => process.stdout.write(`[test] ${line}\n`);
const withE2e = !process.argv.includes("--no-e2e");
const withVitest = !process.argv.includes("--e2e-only");
const filters = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const e2eFilters = withVitest ? [] : filters;
const vitestFilters = withE2e ? [] : filters;
const results = path.join(root, "test-results");

function run(command: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status === 0;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const chromium = findChromium();
  if (withE2e && !chromium) {
    process.stderr.write(
      "No Chromium found for the end-to-end tests.\n" +
        "Install Debian's package:  sudo apt-get install -y chromium\n" +
        "or set LINLI_CHROMIUM=/path/to/chromium.\n",
    );
    return 1;
  }
  fs.rmSync(results, { recursive: true, force: true });
  fs.mkdirSync(results, { recursive: true });
  const suffix = crypto.randomBytes(3).toString("hex");
  const server = await throwawayServer();
  const base = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
  };
  const created: string[] = [];
  let ok = true;
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (withVitest) {
    say("dependency advisories (npm audit --omit=dev)");
    const audit = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/audit.ts"], { stdio: "inherit", env: base }).status;
    if (audit === 0) counts.passed++;
    else if (audit === 2) counts.skipped++;
    else {
      counts.failed++;
      ok = false;
    }
  }
  try {
    if (withVitest) {
      created.push(`linli_test_${suffix}`);
      const testDb = server.url(created[0]);
      await prepareDatabase({ adminUrl: server.adminUrl, url: testDb, recreate: true, seed: "never", log: say });
      say("unit and integration tests");
      const vitestJson = path.join(results, "vitest.json");
      ok =
        run(
          process.execPath,
          ["node_modules/vitest/vitest.mjs", "run", ...vitestFilters, "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
          { ...base, DATABASE_URL: testDb },
        ) && ok;
      const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestJson);
      if (vitest) {
        counts.passed += vitest.numPassedTests;
        counts.failed += vitest.numFailedTests;
        counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
      } else ok = false;
    }

    if (withE2e) {
      created.push(`linli_e2e_${suffix}`);
      const e2eDb = server.url(created[created.length - 1]);
      await prepareDatabase({ adminUrl: server.adminUrl, url: e2eDb, recreate: true, seed: "always", log: say });
      // The page and route sweep's own database and server (playwright.config.ts).
      created.push(`linli_sweep_${suffix}`);
      const sweepDb = server.url(created[created.length - 1]);
      await prepareDatabase({ adminUrl: server.adminUrl, url: sweepDb, recreate: true, seed: "always", log: say });
      const env = {
        ...base,
        NODE_ENV: "production" as const,
        DATABASE_URL: e2eDb,
        LINLI_DEMO: "1",
        LINLI_CHROMIUM: chromium!,
        // Its own build folder, so that a test run never disturbs a running `npm start`.
        LINLI_DIST_DIR: ".next-test",
        LINLI_UPLOAD_DIR: path.join(results, "uploads"),
      };
      say("building the portal for the end-to-end tests");
      // --reuse-build: while writing browser tests, keep the last test build (it may be stale).
      const reuse = process.argv.includes("--reuse-build") && fs.existsSync(path.join(root, ".next-test/BUILD_ID"));
      if (!reuse && !run(process.execPath, ["node_modules/next/dist/bin/next", "build"], env)) return 1;
      say("end-to-end tests in Chromium");
      const e2eJson = path.join(results, "e2e.json");
      const port = await freePort(3100);
      const sweep = {
        SWEEP_DATABASE_URL: sweepDb,
        SWEEP_PORT: String(await freePort(port + 1)),
        SWEEP_UPLOAD_DIR: path.join(results, "sweep-uploads"),
      };
      ok = run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...e2eFilters], { ...env, ...sweep, E2E_PORT: String(port), E2E_JSON: e2eJson }) && ok;
      const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(e2eJson);
      if (e2e) {
        counts.passed += e2e.stats.expected;
        counts.failed += e2e.stats.unexpected + e2e.stats.flaky;
        counts.skipped += e2e.stats.skipped;
      } else ok = false;
    }
  } finally {
    if (process.env.DATABASE_URL) for (const name of created) await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
  }
  process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  return ok && counts.failed === 0 && counts.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
