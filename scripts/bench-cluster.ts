// `npm run bench:cluster`: two `next start` instances of one build behind nginx, sharing one
// PostgreSQL (docs/scaling.md, docs/performance.md).
//
//   npm run bench:cluster -- [--size 100000] [--duration 10] [--connections 10,50] [--orders 20]
//                            [--due 300] [--reuse] [--database linli_cluster] [--no-write]
//
// Not part of `npm test` or CI. Needs Debian's nginx: installed with apt-get when missing (as
// root; otherwise `apt-get install nginx` first). Everything listens on 127.0.0.1 only.
//
// 1. A database as for `npm run bench` (embedded, or DATABASE_URL's server), with the demo
//    data and a generated city of --size orders; then --due completed orders whose rating
//    window has passed, for the housekeeping job.
// 2. Two instances (same build, same AUTH_SECRET, same database) started at the same moment:
//    each sends a housekeeping job to the shared queue 5 s after its start (src/jobs.ts), and
//    the two jobs usually run on both instances at once, on the same due orders. Checked: every order closed once, one event, one
//    notification; how many updates each instance tried, counted inside each process.
// 3. nginx on two ports: one with instance A alone as upstream, one round-robin over A and B,
//    each answer carrying the upstream that served it (X-Upstream, set by nginx: nothing in the
//    app changes). Sessions: sign in through nginx, then signed-in pages served by both
//    instances; sign out through nginx, then the old cookie refused by both.
// 4. The loop through nginx: the demo resident places --orders orders, the demo grid worker
//    accepts each; requests alternate between the instances; SQL checks one notification per
//    recipient per event.
// 5. Throughput of a page with one instance and with two (both behind nginx), and directly.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { generateCity } from "./generate-city";
import { freePort } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { throwawayServer } from "./lib/throwaway-db";
import { cannon } from "./lib/bench-autocannon";
import { orderActionTemplate, PLACE_ORDER_FIELDS, postAction, runMark } from "./lib/bench-actions";
import {
  appEnv,
  argument,
  benchSay,
  browserSession,
  buildApp,
  commandLine,
  flag,
  loadAverage,
  readCounter,
  root,
  runFacts,
  settle,
  startApp,
  table,
  writeSection,
  type AppServer,
} from "./lib/bench-app";
import { ms, ratio, stats } from "./lib/bench-stats";

process.chdir(root);
const say = benchSay("cluster");

const options = {
  size: Number(argument("size") ?? 100_000),
  duration: Number(argument("duration") ?? 10),
  connections: (argument("connections") ?? "10,50").split(",").map(Number),
  orders: Number(argument("orders") ?? 20),
  due: Number(argument("due") ?? 300),
  database: argument("database") ?? "linli_cluster",
  reuse: flag("reuse"),
  write: !flag("no-write"),
};

const RESIDENT = "13800000001"; // demo resident of 府河小区
const WORKER = "13800000002"; // demo grid worker of 第一网格, which holds 府河小区

// ---------------------------------------------------------------------------------------
// nginx

function ensureNginx(): string {
  const found = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error("nginx is missing: install Debian's package (`apt-get install nginx`) and run again.");
  say("nginx is missing: installing Debian's package (apt-get install nginx) …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let installed = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "nginx"], { stdio: "inherit", env });
  if (installed.status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    installed = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "nginx"], { stdio: "inherit", env });
  }
  if (installed.status !== 0 || !fs.existsSync("/usr/sbin/nginx")) throw new Error("apt-get could not install nginx");
  // The package may start its own server on port 80; this script needs none of it.
  spawnSync("service", ["nginx", "stop"], { stdio: "ignore" });
  return "/usr/sbin/nginx";
}

type Nginx = { one: string; two: string; stop(): Promise<void> };

/** nginx in a folder of its own: port `one` → instance A alone, port `two` → A and B in turn. */
async function startNginx(binary: string, a: AppServer, b: AppServer): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-nginx-"));
  // The worker processes run as an unprivileged user: they must reach the temp folders.
  fs.chmodSync(dir, 0o777);
  for (const sub of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) fs.mkdirSync(path.join(dir, sub), { mode: 0o777 });
  const one = await freePort();
  const two = await freePort();
  const upstream = (name: string, servers: AppServer[]) =>
    `upstream ${name} {\n${servers.map((s) => `    server 127.0.0.1:${s.port};`).join("\n")}\n    keepalive 64;\n  }`;
  const server = (port: number, name: string) => `server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://${name};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_buffers 16 32k;
      add_header X-Upstream $upstream_addr always;
    }
  }`;
  const conf = `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 10m;
  ${upstream("one", [a])}
  ${upstream("two", [a, b])}
  ${server(one, "one")}
  ${server(two, "two")}
}
`;
  fs.writeFileSync(path.join(dir, "nginx.conf"), conf);
  const child: ChildProcess = spawn(binary, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${fs.readFileSync(path.join(dir, "error.log"), "utf8")}`);
    const listening = await new Promise<boolean>((resolve) => {
      const socket = net.connect(two, "127.0.0.1", () => (socket.end(), resolve(true))).on("error", () => resolve(false));
    });
    if (listening) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    one: `http://127.0.0.1:${one}`,
    two: `http://127.0.0.1:${two}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGQUIT");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------
// Checks

type Check = { name: string; ok: boolean; detail: string };

/** Completed orders whose rating window has passed, made with SQL in one generated grid. */
async function makeDueOrders(db: pg.Client, count: number): Promise<{ days: number; ids: string[] }> {
  const setting = await db.query(`SELECT value FROM "Setting" WHERE key = 'orders.unratedCloseDays'`);
  const days = Number(setting.rows[0]?.value) > 0 ? Number(setting.rows[0].value) : 7;
  await db.query(
    `WITH t AS (SELECT o.* FROM "Order" o WHERE o."gridId" = (SELECT "gridId" FROM "RoleAssignment" WHERE role = 'GRID_WORKER' AND "userId" LIKE 'gen_%' ORDER BY "userId" LIMIT 1)
                ORDER BY o."createdAt" DESC LIMIT 1)
     INSERT INTO "Order" (id, "categoryId", "courtyardId", "buildingId", "gridId", "communityId", "requesterId", "placedById",
                          title, description, "contactPreference", status, "responseDueAt", "resolutionDueAt", "dueAt",
                          "acceptedAt", "respondedAt", "completedAt", "firstCompletedAt", completions,
                          "idempotencyKey", "payloadHash", "createdAt", "updatedAt")
     SELECT 'bench_due_' || $3 || '_' || lpad(g::text, 5, '0'), t."categoryId", t."courtyardId", t."buildingId", t."gridId", t."communityId",
            t."requesterId", t."requesterId", '垃圾清运不及时', '小区门口垃圾堆了三天没人清运。', 'IN_APP', 'COMPLETED',
            now() - interval '20 days', now() - interval '13 days', now() - interval '13 days',
            now() - interval '19 days', now() - interval '19 days', now() - ($2::int + 1) * interval '1 day', now() - ($2::int + 1) * interval '1 day', 1,
            'bench-due-' || $3 || '-' || g, 'bench', now() - interval '20 days', now()
       FROM t, generate_series(1, $1::int) g`,
    [count, days, runMark()],
  );
  // Every order the job will find, including any the generator left due.
  const { rows } = await db.query(`SELECT id FROM "Order" WHERE status = 'COMPLETED' AND "completedAt" < now() - $1::int * interval '1 day'`, [days]);
  return { days, ids: rows.map((r) => r.id as string) };
}

async function checkHousekeeping(db: pg.Client, due: string[], counters: { a: number; b: number }, before: { a: number; b: number }): Promise<Check[]> {
  // Both instances send a housekeeping job for 5 s after their start; wait until neither is still updating.
  let last = -1;
  for (let i = 0; i < 120; i++) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Order" WHERE id = ANY($1) AND status = 'COMPLETED'`, [due]);
    const updates = (await readCounter(counters.a)).orderUpdates + (await readCounter(counters.b)).orderUpdates;
    if (rows[0].n === 0 && updates === last) break;
    last = updates;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const triedA = (await readCounter(counters.a)).orderUpdates - before.a;
  const triedB = (await readCounter(counters.b)).orderUpdates - before.b;
  const { rows } = await db.query(
    `SELECT count(*) FILTER (WHERE o.status = 'CLOSED' AND o."closeReason" = 'UNRATED')::int AS closed,
            count(*) FILTER (WHERE (SELECT count(*) FROM "OrderEvent" e WHERE e."orderId" = o.id AND e.type = 'CLOSED') = 1)::int AS one_event,
            count(*) FILTER (WHERE (SELECT count(*) FROM "Notification" n WHERE n."orderId" = o.id AND n.kind = 'statusChanged' AND n."userId" = o."requesterId") = 1)::int AS one_note,
            (SELECT count(*) FROM "OrderEvent" e WHERE e."orderId" = ANY($1) AND e.type = 'CLOSED')::int AS events,
            (SELECT count(*) FROM "Notification" n WHERE n."orderId" = ANY($1))::int AS notes
       FROM "Order" o WHERE o.id = ANY($1)`,
    [due],
  );
  const r = rows[0];
  const n = due.length;
  return [
    {
      name: "housekeeping on both instances at once",
      ok: r.closed === n && r.one_event === n && r.one_note === n && r.events === n && r.notes === n,
      detail:
        `${n} due orders: ${r.closed} closed as 未评价, ${r.one_event} with exactly one CLOSED event (${r.events} in all), ` +
        `${r.one_note} with exactly one notification to the requester (${r.notes} in all); updates of "Order" tried by instance A: ${triedA}, by B: ${triedB}` +
        (triedA > 0 && triedB > 0
          ? " — both worked on the same orders, the status-guarded update let one of them close each"
          : " — only one instance found due orders this time"),
    },
  ];
}

const signedIn = (status: number, body: string, name: string) => status === 200 && !body.includes('name="password"') && body.includes(name);

async function checkSessions(nginx: Nginx, a: AppServer, b: AppServer, name: string): Promise<Check[]> {
  const session = await browserSession(nginx.two, RESIDENT, /\/resident/);
  try {
    const served: Record<string, number> = {};
    let pages = 0;
    for (let i = 0; i < 10; i++) {
      const response = await fetch(`${nginx.two}/resident`, { headers: { cookie: session.cookie }, redirect: "manual" });
      const body = await response.text();
      if (signedIn(response.status, body, name)) {
        pages++;
        const upstream = response.headers.get("x-upstream") ?? "?";
        served[upstream] = (served[upstream] ?? 0) + 1;
      }
    }
    const both = [a, b].every((s) => served[`127.0.0.1:${s.port}`] > 0);
    await session.page.getByRole("button", { name: "退出登录" }).click();
    await session.page.waitForURL(/\/login/, { timeout: 30_000 });
    const after: string[] = [];
    for (const instance of [a, b]) {
      const response = await fetch(`${instance.base}/resident`, { headers: { cookie: session.cookie }, redirect: "manual" });
      const body = await response.text();
      after.push(
        `${instance === a ? "A" : "B"}: ${signedIn(response.status, body, name) ? "still signed in" : `${response.status} ${response.headers.get("location") ?? ""}`.trim()}`,
      );
    }
    const refused = after.every((x) => !x.includes("still signed in"));
    return [
      {
        name: "one session across both instances",
        ok: pages === 10 && both,
        detail: `signed in once through nginx; ${pages} of 10 requests for /resident answered the signed-in page (${Object.entries(served)
          .map(([u, n]) => `${n} by ${u === `127.0.0.1:${a.port}` ? "A" : u === `127.0.0.1:${b.port}` ? "B" : u}`)
          .join(", ")})`,
      },
      {
        name: "sign-out through nginx ends the session on both",
        ok: refused,
        detail: `the old cookie afterwards, sent to each instance directly: ${after.join("; ")}`,
      },
    ];
  } finally {
    await session.close();
  }
}

async function checkLoop(db: pg.Client, buildDir: string, nginx: Nginx, a: AppServer, b: AppServer): Promise<Check[]> {
  const resident = await browserSession(nginx.two, RESIDENT, /\/resident/);
  const worker = await browserSession(nginx.two, WORKER, /\/grid/);
  await resident.close();
  await worker.close();
  const category = (await db.query(`SELECT id FROM "OrderCategory" WHERE active AND "requiresDispatch" ORDER BY code LIMIT 1`)).rows[0].id as string;
  const KEY = "@@key@@";
  const ORDER = "@@order@@";
  const place = await orderActionTemplate(
    buildDir,
    "placeOrderAction",
    { idempotencyKey: KEY, ...PLACE_ORDER_FIELDS, categoryId: category },
    nginx.two,
    resident.cookie,
  );
  const accept = await orderActionTemplate(buildDir, "orderCommandAction", { orderId: ORDER, command: "accept" }, nginx.two, worker.cookie);
  const instanceOf = (h: Headers) => ({ [`127.0.0.1:${a.port}`]: "A", [`127.0.0.1:${b.port}`]: "B" })[h.get("x-upstream") ?? ""] ?? "?";
  const tally: Record<string, number> = {};
  const ids: string[] = [];
  const failures: string[] = [];
  for (let i = 0; i < options.orders; i++) {
    const placed = await postAction(
      nginx.two,
      { path: "/resident/orders/new", body: place.body.replace(KEY, `cluster-${crypto.randomUUID()}`) },
      place.headers,
    );
    tally[`place by ${instanceOf(placed.headers)}`] = (tally[`place by ${instanceOf(placed.headers)}`] ?? 0) + 1;
    if (!placed.outcome.ok || !placed.outcome.id) {
      failures.push(`place: ${placed.outcome.error}`);
      continue;
    }
    ids.push(placed.outcome.id);
    const accepted = await postAction(nginx.two, { path: `/orders/${placed.outcome.id}`, body: accept.body.replace(ORDER, placed.outcome.id) }, accept.headers);
    tally[`accept by ${instanceOf(accepted.headers)}`] = (tally[`accept by ${instanceOf(accepted.headers)}`] ?? 0) + 1;
    if (!accepted.outcome.ok) failures.push(`accept: ${accepted.outcome.error}`);
  }
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM "OrderEvent" WHERE "orderId" = ANY($1) AND type = 'PLACED')::int AS placed,
            (SELECT count(*) FROM "OrderEvent" WHERE "orderId" = ANY($1) AND type = 'ACCEPTED')::int AS accepted,
            (SELECT count(*) FROM "Notification" WHERE "orderId" = ANY($1))::int AS notes,
            (SELECT count(*) FROM (SELECT DISTINCT "userId", "orderId", kind FROM "Notification" WHERE "orderId" = ANY($1)) d)::int AS distinct_notes,
            (SELECT count(DISTINCT "userId") FROM "RoleAssignment" r JOIN "User" u ON u.id = r."userId"
              WHERE r.role = 'GRID_WORKER' AND u."disabledAt" IS NULL AND r."gridId" = (SELECT "gridId" FROM "Order" WHERE id = $1[1]))::int AS workers,
            (SELECT count(DISTINCT "userId") FROM "RoleAssignment" r JOIN "User" u ON u.id = r."userId"
              WHERE r.role = 'BRANCH_SECRETARY' AND u."disabledAt" IS NULL AND r."courtyardId" = (SELECT "courtyardId" FROM "Order" WHERE id = $1[1]))::int AS secretaries`,
    [ids],
  );
  const r = rows[0];
  // Each order: every grid worker of the grid but the one who accepts hears of the new order
  // (the acceptor too: the order was placed by the resident), the secretaries that it awaits
  // dispatch, the requester that it was accepted.
  const expected = ids.length * (r.workers + r.secretaries + 1);
  const n = options.orders;
  return [
    {
      name: "the loop through nginx: no notification twice",
      ok: failures.length === 0 && ids.length === n && r.placed === n && r.accepted === n && r.notes === expected && r.distinct_notes === r.notes,
      detail:
        `${n} orders placed by the demo resident and accepted by the demo grid worker through nginx (${Object.entries(tally)
          .map(([k, v]) => `${k}: ${v}`)
          .join(", ")}); ` +
        `${r.placed} PLACED and ${r.accepted} ACCEPTED events; ${r.notes} notifications (expected ${expected}: ${r.workers} grid worker(s) + ${r.secretaries} secretary(ies) + the requester per order), ` +
        `${r.notes - r.distinct_notes} sent twice${failures.length ? `; refused: ${failures.join("; ")}` : ""}`,
    },
  ];
}

// ---------------------------------------------------------------------------------------
// Throughput

type Row = { page: string; via: string; connections: number; rps: number; p50: number; p95: number; errors: number };

async function throughput(nginx: Nginx, a: AppServer, b: AppServer, cookie: string): Promise<Row[]> {
  const rows: Row[] = [];
  const pages = [
    { page: "floor", path: "/api/floor", cookie: undefined },
    { page: "resident's orders", path: "/resident", cookie },
  ];
  const vias = [
    { via: "instance A directly", base: a.base },
    { via: "nginx → A", base: nginx.one },
    { via: "nginx → A + B", base: nginx.two },
  ];
  for (const page of pages) {
    // Both instances warm on the page first, so that neither runs it cold behind nginx.
    for (const instance of [a, b]) await cannon(instance.base + page.path, 10, { duration: 3 }, page.cookie);
    for (const connections of options.connections) {
      for (const via of vias) {
        await cannon(via.base + page.path, connections, { duration: 2 }, page.cookie);
        await settle(a.base);
        await settle(b.base);
        const { result, times } = await cannon(via.base + page.path, connections, { duration: options.duration }, page.cookie);
        const s = stats(times);
        const row = {
          page: page.page,
          via: via.via,
          connections,
          rps: result.requests.average,
          p50: s.p50,
          p95: s.p95,
          errors: result.errors + result.timeouts + result.non2xx,
        };
        rows.push(row);
        say(`${row.page} × ${connections} via ${row.via}: ${row.rps.toFixed(1)} req/s, p50 ${ms(row.p50)} ms, p95 ${ms(row.p95)} ms, ${row.errors} errors`);
      }
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------

function report(context: { started: Date; loadBefore: string; data: string; checks: Check[]; rows: Row[]; nginx: string; command: string }) {
  const out: string[] = [];
  out.push("## Two instances behind nginx (`npm run bench:cluster`)");
  out.push("");
  out.push(
    "Written by `scripts/bench-cluster.ts`. Two `next start` processes of one build (same `AUTH_SECRET`, same database, housekeeping on in both) " +
      "behind Debian's nginx on loopback, round-robin with keep-alive connections to the upstreams; nginx adds the upstream that served each answer " +
      "(`X-Upstream: $upstream_addr`), so nothing in the app changes for the test. What this means for running past one machine: docs/scaling.md.",
  );
  out.push("");
  out.push(runFacts({ ...context, machineExtra: context.nginx, facts: [["data", context.data]] }));
  out.push("");
  out.push("### What held");
  out.push("");
  for (const c of context.checks) out.push(`- ${c.ok ? "✓" : "✗ FAILED"} **${c.name}**: ${c.detail}`);
  out.push("");
  out.push(`### Throughput, one instance against two (autocannon ${options.duration} s per cell after 2 s of warm-up)`);
  out.push("");
  out.push(
    "Two instances on two cores share them with nginx, PostgreSQL and autocannon itself, so the ratio shows the overhead and the " +
      "headroom of this machine, not what two machines would give: a second machine doubles the cores, here they are split.",
  );
  out.push("");
  const body: (string | number)[][] = [];
  for (const r of context.rows) {
    const one = context.rows.find((x) => x.page === r.page && x.connections === r.connections && x.via === "nginx → A")!;
    body.push([
      r.page,
      r.via,
      r.connections,
      r.rps.toFixed(1),
      ms(r.p50),
      ms(r.p95),
      r.errors,
      r.via === "nginx → A + B" ? ratio(r.rps / Math.max(one.rps, 0.001)) : "",
    ]);
  }
  out.push(table(["page", "via", "conns", "req/s", "p50 ms", "p95 ms", "errors", "two ÷ one"], body));
  return out.join("\n");
}

async function main() {
  const started = new Date();
  const loadBefore = loadAverage();
  const nginxBinary = ensureNginx();
  const nginxVersion = spawnSync(nginxBinary, ["-v"], { encoding: "utf8" }).stderr.trim().replace("nginx version: ", "");
  const server = await throwawayServer();
  const url = server.url(options.database);
  let a: AppServer | undefined;
  let b: AppServer | undefined;
  let nginx: Nginx | undefined;
  const db = new pg.Client({ connectionString: url });
  let build: ReturnType<typeof buildApp> | undefined;
  try {
    let data = "";
    if (options.reuse) {
      const probe = new pg.Client({ connectionString: url });
      try {
        await probe.connect();
        const { rows } = await probe.query(`SELECT count(*)::int AS n FROM "Order"`);
        data = `reused: ${rows[0].n.toLocaleString("en")} orders`;
      } catch {
        /* no such database yet */
      } finally {
        await probe.end().catch(() => {});
      }
    }
    if (!data) {
      await prepareDatabase({ adminUrl: server.adminUrl, url, recreate: true, seed: "always", log: say });
      const city = await generateCity(url, { size: options.size, log: say });
      data = `demo data + \`scripts/generate-city.ts --size ${options.size}\`: ${city.orders.toLocaleString("en")} orders, ${city.users.toLocaleString("en")} users`;
    }
    await db.connect();
    const due = await makeDueOrders(db, options.due);
    say(`${due.ids.length} orders due for closing as unrated (after ${due.days} days)`);

    const env = appEnv(url);
    build = buildApp(env, say);
    const [portA, portB, counterA, counterB] = [await freePort(), await freePort(), await freePort(), await freePort()];
    // Started together, so that their housekeeping jobs (sent for 5 s after start) run at the same time.
    const log = path.join(os.tmpdir(), `linli-cluster-${process.pid}.log`);
    [a, b] = await Promise.all([
      startApp(build, env, { port: portA, counterPort: counterA, log }),
      startApp(build, env, { port: portB, counterPort: counterB, log }),
    ]);
    say(`instances A (port ${a.port}) and B (port ${b.port}) up`);
    const checks: Check[] = [];
    checks.push(...(await checkHousekeeping(db, due.ids, { a: counterA, b: counterB }, { a: 0, b: 0 })));
    nginx = await startNginx(nginxBinary, a, b);
    say(`nginx: ${nginx.one} → A, ${nginx.two} → A + B`);
    const name = (await db.query(`SELECT name FROM "User" WHERE phone = $1`, [RESIDENT])).rows[0].name as string;
    checks.push(...(await checkSessions(nginx, a, b, name)));
    checks.push(...(await checkLoop(db, build.dir, nginx, a, b)));
    for (const c of checks) say(`${c.ok ? "ok" : "FAILED"} — ${c.name}: ${c.detail}`);

    const session = await browserSession(nginx.two, RESIDENT, /\/resident/);
    await session.close();
    const rows = await throughput(nginx, a, b, session.cookie);

    const command = commandLine("bench:cluster");
    const section = report({ started, loadBefore, data, checks, rows, nginx: `nginx ${nginxVersion}`, command });
    if (options.write) {
      writeSection("bench-cluster", "scripts/bench-cluster.ts", section);
      say("docs/performance.md updated (between the bench-cluster markers)");
    } else process.stdout.write(`${section}\n`);
    if (checks.some((c) => !c.ok)) throw new Error("a cluster check failed (see above)");
  } finally {
    await db.end().catch(() => {});
    await nginx?.stop();
    await Promise.all([a?.stop(), b?.stop()]);
    build?.remove();
    await server.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`[cluster] ${error.stack ?? error.message}\n`);
  process.exit(1);
});
