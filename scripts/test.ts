// `npm test`: the whole suite. Unit and integration tests (Vitest) against a real
// PostgreSQL, then end-to-end tests (Playwright) in Debian's Chromium against a
// production build. The database server is a throwaway embedded one unless DATABASE_URL
// names a server; on that server the suite creates and drops its own databases.
// `npm test -- --no-e2e` skips the browser part while developing; `npm test -- --e2e-only
// tests/e2e/security` runs only the named browser specs (arguments go to Playwright);
// `npm test -- --no-e2e tests/integration/photos.test.ts` runs only the named Vitest files.
// Unless files are named, the static checks (lint, dead code, types) run beside the tests.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startChecks, type CheckResult } from "./lib/checks";
import { ensureChromium } from "./lib/chromium";
import { freePort } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { throwawayServer } from "./lib/throwaway-db";
import { dropDatabase, ensureDatabase } from "../src/server/db/migrate";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const say = (line: string) => process.stdout.write(`[test] ${line}\n`);
const withE2e = !process.argv.includes("--no-e2e");
const withVitest = !process.argv.includes("--e2e-only");
// Everything but the script's own flags goes to the one runner asked for (files, -g, --project …).
const ownFlags = ["--no-e2e", "--e2e-only", "--reuse-build"];
const filters = process.argv.slice(2).filter((a) => !ownFlags.includes(a));
const e2eFilters = withVitest ? [] : filters;
const vitestFilters = withE2e ? [] : filters;
const results = path.join(root, "test-results");
// package.json scripts, each one passed or failed entry.
const checkScripts = ["format:check", "lint", "deadcode", "typecheck"];

/** The runners under way, stopped with this process (Ctrl-C, or CI's SIGTERM). */
const children = new Set<ChildProcess>();
function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

/** Runs a command to its end without blocking this process, which prepares databases meanwhile. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  const child = track(spawn(command, args, { stdio: "inherit", env }));
  return new Promise((resolve) => child.on("exit", (code) => resolve(code === 0)));
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** The production build for the browser tests, in the background: it needs no database. */
function startBuild(env: NodeJS.ProcessEnv): Promise<boolean> {
  const log = path.join(results, "build.log");
  const out = fs.openSync(log, "w");
  const child = track(spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: ["ignore", out, out], env }));
  return new Promise((resolve) => {
    child.on("exit", (code) => {
      fs.closeSync(out);
      if (code !== 0) process.stdout.write(fs.readFileSync(log, "utf8"));
      resolve(code === 0);
    });
  });
}

type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites: PlaywrightSuite[];
};
type PlaywrightSuite = {
  suites?: PlaywrightSuite[];
  specs?: { tests: { projectName: string; status: string; results: { status: string }[] }[] }[];
};

/** Tests per project that never ran (a project they depend on failed, or the run stopped). */
function notRun(report: PlaywrightReport): Record<string, number> {
  const counts: Record<string, number> = {};
  const visit = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) if (t.results.length === 0) counts[t.projectName] = (counts[t.projectName] ?? 0) + 1;
    }
    suite.suites?.forEach(visit);
  };
  report.suites.forEach(visit);
  return counts;
}

async function main(): Promise<number> {
  const chromium = withE2e ? ensureChromium(say) : null;
  if (withE2e && !chromium) return 1;
  fs.rmSync(results, { recursive: true, force: true });
  fs.mkdirSync(results, { recursive: true });
  const suffix = crypto.randomBytes(3).toString("hex");
  const server = await throwawayServer();
  // Stopped from outside: the runners first (Playwright stops the portal's servers it started),
  // then the database server, so that nothing is left running.
  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the runners and the database server`);
    for (const child of children) child.kill("SIGINT");
    const deadline = setTimeout(() => children.forEach((c) => c.kill("SIGKILL")), 15_000);
    const waitChildren = async () => {
      while (children.size > 0) await new Promise((r) => setTimeout(r, 100));
    };
    void waitChildren()
      .then(() => server.stop())
      .finally(() => {
        clearTimeout(deadline);
        process.exit(130);
      });
  };
  process.on("SIGINT", () => stopAll("SIGINT"));
  process.on("SIGTERM", () => stopAll("SIGTERM"));
  const base = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
  };
  const names = { vitest: `linli_test_${suffix}`, e2e: `linli_e2e_${suffix}`, sweep: `linli_sweep_${suffix}`, actions: `linli_actions_${suffix}` };
  const created: string[] = [];
  const e2eEnv = {
    ...base,
    NODE_ENV: "production" as const,
    DATABASE_URL: server.url(names.e2e),
    LINLI_DEMO: "1",
    LINLI_CHROMIUM: chromium ?? "",
    // Its own build folder, so that a test run never disturbs a running `npm start`.
    LINLI_DIST_DIR: ".next-test",
    // The portal's servers stop when this run ends, however it ends (scripts/serve.ts).
    LINLI_STOP_WITH_PID: String(process.pid),
  };
  // --reuse-build: while writing browser tests, keep the last test build (it may be stale).
  const reuse = process.argv.includes("--reuse-build") && fs.existsSync(path.join(root, ".next-test/BUILD_ID"));
  if (withE2e && !reuse) say("building the portal for the end-to-end tests, beside the other tests (test-results/build.log)");
  // Not for a run of named files: that is a developer trying one thing.
  const withChecks = withVitest && !vitestFilters.some((a) => a.includes("/") || /\.tsx?$/.test(a));
  // The typecheck step checks every file, the route types included (next typegen): the build
  // need not check them a second time (about 100 s of a loaded two-core machine).
  const build = withE2e && !reuse ? startBuild(withChecks ? { ...e2eEnv, LINLI_BUILD_TYPECHECK: "0" } : e2eEnv) : Promise.resolve(true);
  if (withChecks) say(`static checks beside the tests: ${checkScripts.map((s) => `npm run ${s}`).join(", ")} (test-results/*.log)`);
  const checks: Promise<CheckResult[]> = withChecks ? startChecks(root, checkScripts, base, results, track) : Promise.resolve([]);
  const failedChecks: CheckResult[] = [];
  let ok = true;
  const counts = { passed: 0, failed: 0, skipped: 0 };
  // One database with the demo data for the specs, and a copy each for the page and route
  // sweep and for the server-action probes, which compare fingerprints of their whole
  // database and so run on servers of their own (playwright.config.ts). Made while Vitest runs.
  let e2eDatabases: Promise<void> = Promise.resolve();
  if (withE2e) {
    created.push(names.e2e, names.sweep, names.actions);
    e2eDatabases = (async () => {
      await prepareDatabase({
        adminUrl: server.adminUrl,
        url: server.url(names.e2e),
        recreate: true,
        seed: "always",
        log: (line) => say(`browser tests' database: ${line}`),
      });
      for (const copy of [names.sweep, names.actions]) await ensureDatabase(server.adminUrl, copy, { recreate: true, template: names.e2e });
    })();
    // Awaited below; a failure is reported there, not as an unhandled rejection meanwhile.
    e2eDatabases.catch(() => {});
  }
  try {
    if (withVitest) {
      say("dependency advisories (npm audit --omit=dev)");
      const audit = await new Promise<number | null>((resolve) =>
        track(spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/audit.ts"], { stdio: "inherit", env: base })).on("exit", resolve),
      );
      if (audit === 0) counts.passed++;
      else if (audit === 2) counts.skipped++;
      else {
        counts.failed++;
        ok = false;
      }
      created.push(names.vitest);
      const testDb = server.url(names.vitest);
      await prepareDatabase({ adminUrl: server.adminUrl, url: testDb, recreate: true, seed: "never", log: say });
      say("unit and integration tests");
      const vitestJson = path.join(results, "vitest.json");
      ok =
        (await run(
          process.execPath,
          ["node_modules/vitest/vitest.mjs", "run", ...vitestFilters, "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
          { ...base, DATABASE_URL: testDb },
        )) && ok;
      const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestJson);
      if (vitest) {
        counts.passed += vitest.numPassedTests;
        counts.failed += vitest.numFailedTests;
        counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
      } else ok = false;
      for (const check of await checks) {
        say(`npm run ${check.script}: ${check.ok ? "passed" : "FAILED (its output is shown at the end)"} in ${check.seconds} s`);
        if (check.ok) counts.passed++;
        else {
          counts.failed++;
          failedChecks.push(check);
        }
      }
    }

    if (withE2e) {
      await e2eDatabases;
      if (!(await build)) {
        say("the build failed (above)");
        return 1;
      }
      say("end-to-end tests in Chromium");
      const e2eJson = path.join(results, "e2e.json");
      const port = await freePort(3100);
      const sweepPort = await freePort(port + 1);
      const servers = {
        E2E_PORT: String(port),
        SWEEP_DATABASE_URL: server.url(names.sweep),
        SWEEP_PORT: String(sweepPort),
        ACTIONS_DATABASE_URL: server.url(names.actions),
        ACTIONS_PORT: String(await freePort(sweepPort + 1)),
      };
      ok = (await run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...e2eFilters], { ...e2eEnv, ...servers, E2E_JSON: e2eJson })) && ok;
      const e2e = readJson<PlaywrightReport>(e2eJson);
      if (e2e) {
        counts.passed += e2e.stats.expected;
        counts.failed += e2e.stats.unexpected + e2e.stats.flaky;
        counts.skipped += e2e.stats.skipped;
        for (const [project, n] of Object.entries(notRun(e2e))) {
          say(`NOT RUN: ${n} test(s) of the Playwright project "${project}" never started`);
          ok = false;
        }
      } else ok = false;
    }
  } finally {
    await checks.catch(() => []);
    await build;
    await e2eDatabases.catch(() => {});
    if (process.env.DATABASE_URL) for (const name of created) await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
  }
  for (const check of failedChecks) {
    process.stdout.write(`\n[test] npm run ${check.script} FAILED:\n${fs.readFileSync(check.log, "utf8").trimEnd()}\n`);
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
