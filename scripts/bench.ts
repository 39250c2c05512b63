// `npm run bench`: load figures on a city-scale history (docs/performance.md).
//
//   npm run bench -- [--size 1000000] [--runs 30] [--duration 10] [--connections 1,10,50]
//                    [--reuse] [--database linli_bench] [--skip-queries] [--skip-pages]
//                    [--skip-actions] [--no-write]
//
// 1. A PostgreSQL of its own: an embedded throwaway server, or the server of DATABASE_URL
//    (where it makes and keeps the database `linli_bench`; --reuse keeps a generated one).
// 2. Migrations, the demo data, then scripts/generate-city.ts (--size orders).
// 3. Data access (scripts/lib/bench-queries.ts): the overview, queue, order and ratings
//    queries through the app's code (Prisma) against the same SQL sent directly through `pg`.
// 4. Pages: a production build in a private copy of the sources (so that no one's .next,
//    tsconfig.json or next-env.d.ts changes), `next start`, sign-ins through Chromium, then
//    autocannon at each concurrency against each page and against the floor (/api/floor, a
//    trivial dynamic route of the same build), with the statements each request sends; then
//    the place-order and accept server actions (scripts/lib/bench-actions.ts), each request
//    with its own idempotency key or its own new order, the rows written checked with SQL.
//    LINLI_BENCH_BUILD=<dir> keeps the build in <dir> and reuses it on the next run.
// 5. The tables replace the "Load figures" part of docs/performance.md between its markers
//    (the rest of the file is left as it is) and the raw figures go to test-results/bench.json.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { generateCity } from "./generate-city";
import { freePort } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { throwawayServer } from "./lib/throwaway-db";
import { cannon, cannonRequests } from "./lib/bench-autocannon";
import { acceptCase, actionOutcome, placeOrderCase, postAction, type ActionCase, type Verification } from "./lib/bench-actions";
import {
  appEnv,
  argument,
  benchSay,
  buildApp,
  commandLine,
  flag,
  loadAverage,
  readCounter,
  runFacts,
  root,
  settle,
  signIn,
  startApp,
  table,
  writeSection,
  type AppServer,
} from "./lib/bench-app";
import { ms, ratio, stats } from "./lib/bench-stats";
import type { Comparison, QueryReport } from "./lib/bench-queries";

process.chdir(root);
const say = benchSay("bench");

const options = {
  size: Number(argument("size") ?? 1_000_000),
  runs: Number(argument("runs") ?? 30),
  duration: Number(argument("duration") ?? 10),
  connections: (argument("connections") ?? "1,10,50").split(",").map(Number),
  database: argument("database") ?? "linli_bench",
  reuse: flag("reuse"),
  queries: !flag("skip-queries"),
  pages: !flag("skip-pages"),
  actions: !flag("skip-actions"),
  write: !flag("no-write"),
};

// ---------------------------------------------------------------------------------------
// Pages and actions

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
  /** Actions: the rows written, checked against the successful answers. */
  check?: Verification & { run: string };
};

type Target = { name: string; path: string; as: string; cookie?: string; statements?: number; action?: ActionCase };

type PagesReport = { results: PageResult[]; targets: Target[]; build: string; checks: (Verification & { run: string })[] };

/** Statements the app sent per request of each target, counted at the driver inside the server. */
async function statementsPerRequest(counterPort: number, base: string, targets: Target[], db: pg.Client, checks: PagesReport["checks"], requests = 10) {
  const read = async () => (await readCounter(counterPort)).statements;
  for (const target of targets) {
    const action = target.action;
    if (action) await action.prepare(db, "stmts", requests);
    await settle(base);
    const before = await read();
    let succeeded = 0;
    for (let i = 0; i < requests; i++) {
      if (action) {
        const { outcome } = await postAction(base, action.next()!, action.headers);
        if (!outcome.ok) throw new Error(`${action.name} as ${action.as} was refused: ${outcome.error}`);
        succeeded++;
      } else {
        await (await fetch(base + target.path, { headers: target.cookie ? { cookie: target.cookie } : {}, redirect: "manual" })).arrayBuffer();
      }
    }
    target.statements = ((await read()) - before) / requests;
    if (action) checks.push({ run: `${action.name}, statement count`, ...(await action.verify(db, "stmts", succeeded)) });
  }
}

/**
 * One action at one concurrency. Every request needs a supply of its own (a new order to
 * accept, a new key), made before the run, and every answer must be counted for the check
 * of the rows written, so the run is a number of requests rather than a time: the warm-up's
 * rate × the window. A run with a fixed time would drop the answers still in flight at its
 * end while their writes land.
 */
async function benchAction(base: string, db: pg.Client, target: Target, connections: number): Promise<PageResult> {
  const action = target.action!;
  const run = async (tag: string, amount: number) => {
    // Requests autocannon builds but never sends (one per connection at the end) need a
    // supply too.
    await action.prepare(db, tag, amount + 2 * connections + 5);
    const result = await cannonRequests(base + action.path.replace(":id", "x"), connections, { amount }, action.headers, () => action.next(), actionOutcome);
    const check = { run: `${action.name} × ${connections} (${tag})`, ...(await action.verify(db, tag, result.succeeded)) };
    return { ...result, check };
  };
  const warm = await run(`w${connections}`, Math.max(10, connections * 3));
  await settle(base);
  const rate = warm.result.requests.total / Math.max(0.001, warm.result.duration);
  const amount = Math.max(connections * 3, Math.round(rate * options.duration));
  const measured = await run(`m${connections}`, amount);
  const s = stats(measured.times);
  const answered = measured.times.length;
  const refused = [...measured.refused].map(([message, n]) => `${n} × ${message}`).join("; ");
  return {
    target: target.name,
    path: action.path,
    as: action.as,
    connections,
    requests: measured.result.requests.total,
    rps: measured.result.requests.total / Math.max(0.001, measured.result.duration),
    p50: s.p50,
    p95: s.p95,
    p99: s.p99,
    errors: measured.result.errors + measured.result.timeouts + (answered - measured.succeeded),
    bytes: measured.result.throughput.average / Math.max(1, measured.result.requests.average),
    mode: `${amount} requests${refused ? `; refused: ${refused}` : ""}`,
    check: {
      ...measured.check,
      summary: `${measured.check.summary}${warm.check.ok ? "" : `; warm-up: ${warm.check.summary}`}`,
      ok: measured.check.ok && warm.check.ok,
    },
  };
}

async function benchPages(databaseUrl: string, queries: QueryReport | null): Promise<PagesReport> {
  const env = appEnv(databaseUrl);
  let server: AppServer | undefined;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const build = buildApp(env, say);
  try {
    const port = await freePort();
    const counterPort = await freePort();
    server = await startApp(build, env, { port, counterPort });
    const base = server.base;

    // Who signs in: the staff member of the first generated community, the worker of the
    // busiest queue, and the resident who placed the most orders. The order page shows one of
    // the worker's orders with the longest timeline (sent back once, if there is one).
    const workerId =
      queries?.worker.id ??
      (await db.query(`SELECT "userId" FROM "RoleAssignment" WHERE role = 'GRID_WORKER' AND "userId" LIKE 'gen_%' ORDER BY "userId" LIMIT 1`)).rows[0].userId;
    const phoneOf = async (id: string) => (await db.query(`SELECT phone FROM "User" WHERE id = $1`, [id])).rows[0].phone as string;
    const resident = (
      await db.query(`SELECT "requesterId" AS id, count(*) FROM "Order" WHERE "requesterId" LIKE 'gen_%' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`)
    ).rows[0].id as string;
    const order = (
      await db.query(
        `SELECT o.id FROM "Order" o JOIN "RoleAssignment" r ON r."gridId" = o."gridId" WHERE r."userId" = $1 ORDER BY o.completions DESC, o."createdAt" DESC LIMIT 1`,
        [workerId],
      )
    ).rows[0].id as string;
    say("signing in …");
    const staffCookie = await signIn(base, await phoneOf("gen_u_s_01"), /\/staff/);
    const workerCookie = await signIn(base, await phoneOf(workerId), /\/grid/);
    const residentCookie = await signIn(base, await phoneOf(resident), /\/resident/);

    // The actions write: they run in a grid of another community than the pages' people, so
    // that the orders they add change none of the pages measured after them.
    const actionGrid = (
      await db.query(
        `SELECT r."userId", r."gridId" FROM "RoleAssignment" r JOIN "Grid" g ON g.id = r."gridId"
          WHERE r.role = 'GRID_WORKER' AND r."userId" LIKE 'gen_%' AND r."userId" <> $1
            AND g."communityId" <> (SELECT "communityId" FROM "Grid" WHERE id = (SELECT "gridId" FROM "RoleAssignment" WHERE "userId" = $1 AND role = 'GRID_WORKER' LIMIT 1))
            AND g."communityId" <> (SELECT "communityId" FROM "RoleAssignment" WHERE "userId" = 'gen_u_s_01' AND role = 'STAFF' LIMIT 1)
          ORDER BY r."userId" LIMIT 1`,
        [workerId],
      )
    ).rows[0] as { userId: string; gridId: string };
    const placer = (
      await db.query(
        `SELECT r."userId" FROM "RoleAssignment" r JOIN "Courtyard" c ON c.id = r."courtyardId" JOIN "Residence" h ON h."userId" = r."userId"
          WHERE r.role = 'RESIDENT' AND c."gridId" = $1 AND r."userId" LIKE 'gen_%' AND r."userId" <> $2 ORDER BY r."userId" LIMIT 1`,
        [actionGrid.gridId, resident],
      )
    ).rows[0].userId as string;
    const gridWorkers = (
      await db.query(
        `SELECT count(DISTINCT r."userId")::int AS n FROM "RoleAssignment" r JOIN "User" u ON u.id = r."userId"
          WHERE r.role = 'GRID_WORKER' AND r."gridId" = $1 AND u."disabledAt" IS NULL`,
        [actionGrid.gridId],
      )
    ).rows[0].n as number;
    const category = (await db.query(`SELECT id FROM "OrderCategory" WHERE active AND "requiresDispatch" ORDER BY code LIMIT 1`)).rows[0].id as string;
    const placerCookie = await signIn(base, await phoneOf(placer), /\/resident/);
    const acceptorCookie = await signIn(base, await phoneOf(actionGrid.userId), /\/grid/);
    const placing = await placeOrderCase({
      buildDir: build.dir,
      origin: base,
      cookie: placerCookie,
      resident: { id: placer, label: placer },
      categoryId: category,
      gridWorkers,
    });
    const accepting = await acceptCase({
      buildDir: build.dir,
      origin: base,
      cookie: acceptorCookie,
      worker: { id: actionGrid.userId, label: actionGrid.userId },
      gridId: actionGrid.gridId,
      categoryId: category,
    });

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
    const actions: Target[] = options.actions ? [placing, accepting].map((a) => ({ name: a.name, path: a.path, as: a.as, cookie: a.cookie, action: a })) : [];
    for (const target of targets) {
      const response = await fetch(base + target.path, { headers: target.cookie ? { cookie: target.cookie } : {}, redirect: "manual" });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${target.path} as ${target.as} answered ${response.status}, not 200`);
      if (target.cookie && body.includes('name="password"')) throw new Error(`${target.path} showed the sign-in form: the session did not hold`);
    }
    const checks: PagesReport["checks"] = [];
    say("statements per request …");
    await statementsPerRequest(counterPort, base, [...targets, ...actions], db, checks);

    const results: PageResult[] = [];
    const log = (row: PageResult) => {
      results.push(row);
      say(
        `${row.target} × ${row.connections}: ${row.rps.toFixed(1)} req/s, p50 ${ms(row.p50)} ms, p95 ${ms(row.p95)} ms, p99 ${ms(row.p99)} ms, ${row.errors} errors`,
      );
      if (row.check) say(`  ${row.check.ok ? "writes match" : "WRITES DO NOT MATCH"}: ${row.check.summary}`);
    };
    for (const connections of options.connections) {
      // The floor again at the end of each level: noise from other work on the machine shows
      // as a difference between the two, and the cost ratios use their mean.
      for (const target of [...targets, ...actions, { ...targets[0], name: "floor again (/api/floor)" }]) {
        if (target.action) {
          await settle(base);
          const row = await benchAction(base, db, target, connections);
          checks.push(row.check!);
          log(row);
          continue;
        }
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
        log({
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
        });
      }
    }
    return { results, targets: [...targets, ...actions], build: build.reused ? "reused" : `${build.seconds.toFixed(0)} s`, checks };
  } finally {
    await db.end();
    await server?.stop();
    build.remove();
  }
}

// ---------------------------------------------------------------------------------------
// The report

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
  pages: PagesReport | null;
  loadBefore: string;
}): string {
  const out: string[] = [];
  out.push("## Load figures (`npm run bench`)");
  out.push("");
  out.push(
    "Written by `scripts/bench.ts`; rerun it after a change and commit the new tables. Everything between the two bench markers " +
      "is replaced on each run. Other developers ran tests on the same two cores during runs, so single figures carry noise of " +
      "±20 % or more; ratios measured in the same run are steadier than absolute times.",
  );
  out.push("");
  out.push(
    runFacts({
      ...context,
      facts: [
        ["database", context.serverInfo],
        ["data", context.generation],
      ],
    }),
  );
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
    out.push(
      `### Pages and actions under load: \`next start\` (build ${p.build}), autocannon ${options.duration} s per cell after 2 s of warm-up and an idle server`,
    );
    out.push("");
    out.push(
      "Cost × floor = the floor's requests/s (mean of its two runs, before and after the pages) ÷ the page's at the same concurrency (how many floor requests one page request " +
        "costs); stmts = SQL statements the server sent per request (counted at the `pg` driver inside `next start`: session, actor, page data, writes and their transaction control).",
    );
    out.push("");
    out.push(
      "The two actions are POSTed as the browser's form posts them (`Next-Action` header with the id from the build's server-reference manifest, " +
        "the multipart body of React's `encodeReply`, the page's Origin and session cookie); their answer is the action's result and the page " +
        "re-rendered after `revalidatePath`, as the browser receives it. Each place-order request carries its own idempotency key; each accept " +
        "request accepts a new order (新单) of its own, made beforehand with SQL in the worker's grid. An action run is a number of requests " +
        "(the warm-up's rate × the window) so that every answer is counted; errors include answers of 200 whose result is `ok: false`. " +
        "They run in a grid of another community than the pages' people, so the orders they add change no page measured after them.",
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
    if (p.checks.length) {
      out.push("");
      out.push("Rows written by the actions, counted with SQL after each run against the successful answers (every run, warm-ups included, was checked):");
      out.push("");
      for (const c of p.checks) out.push(`- ${c.ok ? "✓" : "✗ MISMATCH"} ${c.run}: ${c.summary}`);
    }
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

// ---------------------------------------------------------------------------------------

async function main() {
  const started = new Date();
  const loadBefore = loadAverage();
  const server = await throwawayServer();
  const url = server.url(options.database);
  let generation = "";
  try {
    const admin = new pg.Client({ connectionString: url });
    let reused = false;
    if (options.reuse) {
      try {
        await admin.connect();
        const { rows } = await admin.query(
          `SELECT (SELECT count(*) FROM "Order")::int AS orders, EXISTS (SELECT 1 FROM "Street" WHERE id = 'gen_st_1') AS generated`,
        );
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
    const { rows: v } = await info.query(
      `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS sb, pg_size_pretty(pg_database_size(current_database())) AS size`,
    );
    // One resident places hundreds of orders a minute here, far past the per-person volume limits
    // (10 an hour). The limits are raised, not switched off: each request still counts against
    // them, so their cost stays in the figures.
    await info.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") SELECT k, '1000000'::jsonb, now() FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [["limits.placeOrderHour", "limits.placeOrderDay"]],
    );
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

    const command = commandLine("bench");
    const section = report({ started, command, serverInfo, generation, queries, pages, loadBefore });
    fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
    fs.writeFileSync(
      path.join(root, "test-results/bench.json"),
      JSON.stringify({ started, options, queries, pages: pages && { ...pages, targets: pages.targets.map(({ action, cookie, ...t }) => t) } }, null, 2),
    );
    if (options.write) {
      writeSection("bench", "scripts/bench.ts", section);
      say("docs/performance.md updated (between the bench markers); raw figures in test-results/bench.json");
    } else process.stdout.write(`${section}\n`);
    const mismatches = pages?.checks.filter((c) => !c.ok) ?? [];
    if (mismatches.length)
      throw new Error(`the rows written by the actions do not match their answers:\n${mismatches.map((c) => `${c.run}: ${c.summary}`).join("\n")}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`[bench] ${error.stack ?? error.message}\n`);
  process.exit(1);
});
