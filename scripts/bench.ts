// `npm run bench`: load figures on a city-scale history (docs/performance.md).
//
//   npm run bench -- [--size 1000000] [--runs 30] [--duration 10] [--connections 1,10,50]
//                    [--reuse] [--database linli_bench] [--skip-queries] [--skip-pages] [--no-write]
//
// 1. A PostgreSQL of its own: an embedded throwaway server, or the server of DATABASE_URL
//    (where it makes and keeps the database `linli_bench`; --reuse keeps a generated one).
// 2. Migrations, the demo data, then scripts/generate-city.ts (--size orders).
// 3. Data access (scripts/lib/bench-queries.ts): the overview, queue, order and ratings
//    queries through the app's code (Prisma) against the same SQL sent directly through `pg`.
// 4. Pages: a production build in a private copy of the sources (so that no one's .next,
//    tsconfig.json or next-env.d.ts changes), `next start`, sign-ins through Chromium, then
//    autocannon at each concurrency against each page and against the floor (/api/floor, a
//    trivial dynamic route of the same build), with the statements each request sends.
// 5. The tables replace the "Load figures" part of docs/performance.md between its markers
//    (the rest of the file is left as it is) and the raw figures go to test-results/bench.json.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { chromium } from "@playwright/test";
import { generateCity } from "./generate-city";
import { chromiumArgs, findChromium } from "./lib/chromium";
import { freePort } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { throwawayServer } from "./lib/throwaway-db";
import { cannon } from "./lib/bench-autocannon";
import { ms, ratio, stats } from "./lib/bench-stats";
import type { Comparison, QueryReport } from "./lib/bench-queries";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const say = (line: string) => process.stdout.write(`[bench] ${line}\n`);

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at >= 0 && process.argv[at + 1] && !process.argv[at + 1].startsWith("--")) return process.argv[at + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const options = {
  size: Number(argument("size") ?? 1_000_000),
  runs: Number(argument("runs") ?? 30),
  duration: Number(argument("duration") ?? 10),
  connections: (argument("connections") ?? "1,10,50").split(",").map(Number),
  database: argument("database") ?? "linli_bench",
  reuse: flag("reuse"),
  queries: !flag("skip-queries"),
  pages: !flag("skip-pages"),
  write: !flag("no-write"),
};

// ---------------------------------------------------------------------------------------
// Pages

type PageResult = {
  target: string;
  path: string;
  as: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  bytes: number;
  /** "10 s", or "150 requests" when the page was too slow for the window. */
  mode: string;
};

type Target = { name: string; path: string; as: string; cookie?: string; statements?: number };

/** The sources a build needs, copied; node_modules hard-linked (Turbopack refuses a symlink out of the project). */
function privateCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-bench-app-"));
  for (const entry of ["src", "messages", "public", "next.config.ts", "tsconfig.json", "postcss.config.mjs", "package.json", "next-env.d.ts"]) {
    if (fs.existsSync(entry)) fs.cpSync(entry, path.join(dir, entry), { recursive: true });
  }
  const linked = spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  if (linked.status !== 0) fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

async function waitFor(url: string, child: ChildProcess, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/**
 * Waits until the server is idle again: autocannon drops its connections at the end of a run,
 * but the server still finishes the requests it had; the floor answers fast only when idle.
 */
async function settle(base: string) {
  let quick = 0;
  for (let i = 0; i < 600 && quick < 3; i++) {
    const at = performance.now();
    await (await fetch(`${base}/api/floor`)).arrayBuffer();
    quick = performance.now() - at < 10 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function signIn(base: string, phone: string, landing: RegExp): Promise<string> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium (install Debian's chromium or set LINLI_CHROMIUM) to sign in with.");
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("手机号").fill(phone);
    await page.getByLabel("密码").fill("Linli@2026");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(landing, { timeout: 30_000 });
    const cookies = await page.context().cookies();
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

/**
 * Preloaded into `next start` (NODE_OPTIONS=--import): counts the statements the app sends
 * through \`pg\` (Prisma's adapter uses it) and answers the count on a port of its own.
 * Written into the private copy at run time; nothing of it is in the build.
 */
const COUNTER = `
import http from "node:http";
import { createRequire } from "node:module";
const pg = createRequire(process.cwd() + "/package.json")("pg");
let count = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) { count++; return query.apply(this, args); };
const port = Number(process.env.LINLI_BENCH_COUNTER_PORT);
if (port) http.createServer((req, res) => res.end(String(count))).on("error", () => {}).listen(port, "127.0.0.1").unref();
`;

/** Statements the app sent per request of each target, counted at the driver inside the server. */
async function statementsPerRequest(counterPort: number, base: string, targets: Target[], requests = 10) {
  const read = async () => Number(await (await fetch(`http://127.0.0.1:${counterPort}/`)).text());
  for (const target of targets) {
    await settle(base);
    const before = await read();
    for (let i = 0; i < requests; i++) await (await fetch(base + target.path, { headers: target.cookie ? { cookie: target.cookie } : {}, redirect: "manual" })).arrayBuffer();
    target.statements = ((await read()) - before) / requests;
  }
}

async function benchPages(databaseUrl: string, queries: QueryReport | null): Promise<{ results: PageResult[]; targets: Target[]; build: string }> {
  const copy = privateCopy();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    LINLI_DEMO: "0",
    LINLI_DIST_DIR: ".next",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
  let server: ChildProcess | undefined;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    say(`building in ${copy} …`);
    const started = Date.now();
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: copy, env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
    const buildSeconds = (Date.now() - started) / 1000;
    say(`built in ${buildSeconds.toFixed(0)} s`);

    const port = await freePort();
    const counterPort = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const counter = path.join(copy, "bench-statement-counter.mjs");
    fs.writeFileSync(counter, COUNTER);
    server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: copy,
      env: { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(counter).href}`.trim(), LINLI_BENCH_COUNTER_PORT: String(counterPort) },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitFor(`${base}/api/floor`, server);

    // Who signs in: the staff member of the first generated community, the worker of the
    // busiest queue, and the resident who placed the most orders. The order page shows one of
    // the worker's orders with the longest timeline (sent back once, if there is one).
    const workerId = queries?.worker.id ?? (await db.query(`SELECT "userId" FROM "RoleAssignment" WHERE role = 'GRID_WORKER' AND "userId" LIKE 'gen_%' ORDER BY "userId" LIMIT 1`)).rows[0].userId;
    const phoneOf = async (id: string) => (await db.query(`SELECT phone FROM "User" WHERE id = $1`, [id])).rows[0].phone as string;
    const resident = (await db.query(`SELECT "requesterId" AS id, count(*) FROM "Order" WHERE "requesterId" LIKE 'gen_%' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`)).rows[0].id as string;
    const order = (
      await db.query(`SELECT o.id FROM "Order" o JOIN "RoleAssignment" r ON r."gridId" = o."gridId" WHERE r."userId" = $1 ORDER BY o.completions DESC, o."createdAt" DESC LIMIT 1`, [workerId])
    ).rows[0].id as string;
    say("signing in …");
    const staffCookie = await signIn(base, await phoneOf("gen_u_s_01"), /\/staff/);
    const workerCookie = await signIn(base, await phoneOf(workerId), /\/grid/);
    const residentCookie = await signIn(base, await phoneOf(resident), /\/resident/);

    const pageExists = (route: string) => fs.existsSync(path.join(root, "src/app/(workspace)", route, "page.tsx"));
    const targets: Target[] = [
      { name: "floor (/api/floor)", path: "/api/floor", as: "anonymous" },
      { name: "sign-in page", path: "/login", as: "anonymous" },
      { name: "staff overview", path: "/staff", as: "staff gen_u_s_01", cookie: staffCookie },
      ...(pageExists("staff/ratings") ? [{ name: "staff ratings", path: "/staff/ratings", as: "staff gen_u_s_01", cookie: staffCookie }] : []),
      { name: "grid queue", path: "/grid", as: `grid worker ${workerId}`, cookie: workerCookie },
      { name: "order page", path: `/orders/${order}`, as: `grid worker ${workerId}`, cookie: workerCookie },
      { name: "resident's orders", path: "/resident", as: `resident ${resident}`, cookie: residentCookie },
    ];
    for (const target of targets) {
      const response = await fetch(base + target.path, { headers: target.cookie ? { cookie: target.cookie } : {}, redirect: "manual" });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${target.path} as ${target.as} answered ${response.status}, not 200`);
      if (target.cookie && body.includes('name="password"')) throw new Error(`${target.path} showed the sign-in form: the session did not hold`);
    }
    say("statements per request …");
    await statementsPerRequest(counterPort, base, targets);

    const results: PageResult[] = [];
    for (const connections of options.connections) {
      // The floor again at the end of each level: noise from other work on the machine shows
      // as a difference between the two, and the cost ratios use their mean.
      for (const target of [...targets, { ...targets[0], name: "floor again (/api/floor)" }]) {
        await cannon(base + target.path, connections, { duration: 2 }, target.cookie); // warm-up, not counted
        await settle(base);
        let run = await cannon(base + target.path, connections, { duration: options.duration }, target.cookie);
        let mode = `${options.duration} s`;
        if (run.times.length < connections * 3) {
          // A slow page barely answers within the window at this concurrency: measure a fixed
          // number of requests instead (three per connection), however long they take.
          await settle(base);
          run = await cannon(base + target.path, connections, { amount: connections * 3 }, target.cookie);
          mode = `${connections * 3} requests`;
        }
        const { result, times } = run;
        const s = stats(times);
        const row: PageResult = {
          target: target.name,
          path: target.path,
          as: target.as,
          connections,
          requests: result.requests.total,
          rps: result.requests.average,
          p50: s.p50,
          p95: s.p95,
          p99: s.p99,
          errors: result.errors + result.timeouts + result.non2xx,
          bytes: result.throughput.average / Math.max(1, result.requests.average),
          mode,
        };
        results.push(row);
        say(`${target.name} × ${connections}: ${row.rps.toFixed(1)} req/s, p50 ${ms(row.p50)} ms, p95 ${ms(row.p95)} ms, p99 ${ms(row.p99)} ms, ${row.errors} errors`);
      }
    }
    return { results, targets, build: `${buildSeconds.toFixed(0)} s` };
  } finally {
    await db.end();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------
// The report

function machine() {
  const cpus = os.cpus();
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  return {
    cpu: `${cpus[0]?.model ?? "?"} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    commit,
    load: os.loadavg().map((l) => l.toFixed(1)).join(" / "),
  };
}

const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

function comparisonRows(list: Comparison[]) {
  return list.map((c) => [
    c.name,
    c.detail,
    c.rows,
    c.statements,
    ms(c.app.p50),
    ms(c.app.p95),
    ms(c.sql.p50),
    ms(c.sql.p95),
    ratio(c.ratio50),
    ratio(c.ratio95),
  ]);
}

function report(context: {
  started: Date;
  command: string;
  serverInfo: string;
  generation: string;
  queries: QueryReport | null;
  pages: { results: PageResult[]; targets: Target[]; build: string } | null;
  loadBefore: string;
}): string {
  const m = machine();
  const out: string[] = [];
  out.push("## Load figures (`npm run bench`)");
  out.push("");
  out.push(
    "Written by `scripts/bench.ts`; rerun it after a change and commit the new tables. Everything between the two bench markers " +
      "is replaced on each run. Other developers ran tests on the same two cores during runs, so single figures carry noise of " +
      "±20 % or more; ratios measured in the same run are steadier than absolute times.",
  );
  out.push("");
  for (const [label, value] of [
    ["date", context.started.toISOString().replace("T", " ").slice(0, 16) + " UTC"],
    ["command", `\`${context.command}\``],
    ["machine", `${m.cpu}, ${m.memory}; Node ${m.node}`],
    ["database", context.serverInfo],
    ["data", context.generation],
    ["code", `commit ${m.commit} plus the working tree`],
    ["load average (1/5/15 min) before → after", `${context.loadBefore} → ${m.load}`],
  ]) {
    out.push(`- **${label}**: ${value}`);
  }
  const q = context.queries;
  if (q) {
    out.push("");
    out.push(`### Data access: the app's code (Prisma) against the same SQL sent directly (\`pg\`), ${q.runs} runs each, ms`);
    out.push("");
    out.push(
      `Community: ${q.community.name} (${q.community.id}, ${q.database.communityOrders.toLocaleString("en")} orders). ` +
        `Grid worker: ${q.worker.id} (${q.database.gridOpenOrders} open orders in the busiest queue). "SQL" replays the ` +
        "statements the app sent, captured at the driver, one after another on one connection; the app sends some of them " +
        "in parallel, so a ratio can fall below 1.",
    );
    out.push("");
    const head = ["query", "case", "rows", "stmts", "app p50", "app p95", "SQL p50", "SQL p95", "ratio p50", "ratio p95"];
    out.push(table(head, comparisonRows(q.overview)));
    out.push("");
    out.push(table(head, comparisonRows(q.lists)));
    for (const note of q.notes) out.push("", `- ${note}`);
  }
  const p = context.pages;
  if (p) {
    out.push("");
    out.push(`### Pages under load: \`next start\` (build ${p.build}), autocannon ${options.duration} s per cell after 2 s of warm-up and an idle server`);
    out.push("");
    out.push(
      "Cost × floor = the floor's requests/s (mean of its two runs, before and after the pages) ÷ the page's at the same concurrency (how many floor requests one page request " +
        "costs); stmts = SQL statements the server sent per request (counted at the `pg` driver inside `next start`: session, actor, page data).",
    );
    out.push("");
    const rows: (string | number)[][] = [];
    for (const connections of options.connections) {
      const floors = p.results.filter((r) => r.connections === connections && r.path === "/api/floor");
      const floor = { rps: floors.reduce((sum, f) => sum + f.rps, 0) / Math.max(1, floors.length) };
      for (const r of p.results.filter((x) => x.connections === connections)) {
        const target = p.targets.find((t) => t.path === r.path);
        rows.push([
          r.mode && r.mode !== `${options.duration} s` ? `${r.target} (${r.mode})` : r.target,
          `\`${r.path}\``,
          connections,
          r.rps.toFixed(1),
          ms(r.p50),
          ms(r.p95),
          ms(r.p99),
          r.errors,
          r.path === "/api/floor" ? "" : ratio(floor.rps / Math.max(r.rps, 0.001)),
          target?.statements?.toFixed(1) ?? "",
        ]);
      }
    }
    out.push(table(["page", "path", "conns", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "cost × floor", "stmts"], rows));
    out.push("");
    out.push(`Signed in as: ${[...new Set(p.targets.filter((t) => t.cookie).map((t) => `${t.name} — ${t.as}`))].join("; ")}.`);
  }
  if (q && q.explains.length) {
    out.push("");
    out.push("### Plans of the hot queries (`EXPLAIN (ANALYZE, BUFFERS)`, parameters written in)");
    for (const e of q.explains) {
      out.push("");
      out.push(`<details><summary>${e.name}</summary>`);
      out.push("");
      out.push("```sql");
      out.push(e.sql.trim().replace(/\n\s{4}/g, "\n"));
      out.push("```");
      out.push("");
      out.push("```");
      out.push(e.plan);
      out.push("```");
      out.push("");
      out.push("</details>");
    }
  }
  return out.join("\n");
}

const BEGIN = "<!-- bench:begin (written by scripts/bench.ts; edit outside these markers) -->";
const END = "<!-- bench:end -->";

/** Replaces our part of docs/performance.md, re-reading the file right before writing. */
function writeReport(section: string) {
  const file = path.join(root, "docs/performance.md");
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Performance\n";
  const block = `${BEGIN}\n${section}\n${END}`;
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next = begin >= 0 && end > begin ? current.slice(0, begin) + block + current.slice(end + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}

// ---------------------------------------------------------------------------------------

async function main() {
  const started = new Date();
  const loadBefore = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  const server = await throwawayServer();
  const url = server.url(options.database);
  let generation = "";
  try {
    const admin = new pg.Client({ connectionString: url });
    let reused = false;
    if (options.reuse) {
      try {
        await admin.connect();
        const { rows } = await admin.query(`SELECT (SELECT count(*) FROM "Order")::int AS orders, EXISTS (SELECT 1 FROM "Street" WHERE id = 'gen_st_1') AS generated`);
        reused = rows[0].generated;
        if (reused) generation = `reused: ${rows[0].orders.toLocaleString("en")} orders made earlier by scripts/generate-city.ts`;
      } catch {
        /* no such database yet */
      } finally {
        await admin.end().catch(() => {});
      }
    }
    if (!reused) {
      say(`preparing ${options.database} (migrations, demo data) …`);
      await prepareDatabase({ adminUrl: server.adminUrl, url, recreate: true, seed: "always", log: say });
      const city = await generateCity(url, { size: options.size, log: (line) => say(line) });
      generation =
        `\`scripts/generate-city.ts --size ${options.size}\` in ${city.seconds.toFixed(0)} s: ${city.orders.toLocaleString("en")} orders, ` +
        `${city.events.toLocaleString("en")} events, ${city.ratings.toLocaleString("en")} ratings, ${city.dispatches.toLocaleString("en")} dispatch plans, ` +
        `${city.users.toLocaleString("en")} users (+ demo data)`;
    }
    const info = new pg.Client({ connectionString: url });
    await info.connect();
    const { rows: v } = await info.query(`SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS sb, pg_size_pretty(pg_database_size(current_database())) AS size`);
    await info.end();
    const serverInfo = `PostgreSQL ${v[0].version} (${process.env.DATABASE_URL ? "DATABASE_URL's server" : "embedded, default settings"}, shared_buffers ${v[0].sb}), database ${v[0].size}`;

    let queries: QueryReport | null = null;
    if (options.queries) {
      say(`data access: ${options.runs} runs per case …`);
      const out = path.join(os.tmpdir(), `linli-bench-queries-${process.pid}.json`);
      const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/lib/bench-queries.ts", out, String(options.runs)], {
        stdio: "inherit",
        env: { ...process.env, DATABASE_URL: url },
      });
      if (child.status !== 0) throw new Error("the data-access benchmark failed");
      queries = JSON.parse(fs.readFileSync(out, "utf8")) as QueryReport;
      fs.rmSync(out, { force: true });
      for (const c of [...queries.overview, ...queries.lists]) {
        say(`${c.name} (${c.detail}): app p50 ${ms(c.app.p50)} / p95 ${ms(c.app.p95)} ms, SQL p50 ${ms(c.sql.p50)} / p95 ${ms(c.sql.p95)} ms`);
      }
    }
    const pages = options.pages ? await benchPages(url, queries) : null;

    const args = process.argv.slice(2);
    const command = args.length ? `npm run bench -- ${args.join(" ")}` : "npm run bench";
    const section = report({ started, command, serverInfo, generation, queries, pages, loadBefore });
    fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
    fs.writeFileSync(path.join(root, "test-results/bench.json"), JSON.stringify({ started, options, queries, pages }, null, 2));
    if (options.write) {
      writeReport(section);
      say("docs/performance.md updated (between the bench markers); raw figures in test-results/bench.json");
    } else process.stdout.write(`${section}\n`);
  } finally {
    await server.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`[bench] ${error.stack ?? error.message}\n`);
  process.exit(1);
});
