// `npm run bench:lighthouse`: Lighthouse mobile scores and first-load JS of the resident's
// pages (docs/performance.md). Not part of `npm test`.
//
//   npm run bench:lighthouse -- [--runs 3] [--database linli_lighthouse] [--no-write]
//
// A database with the demo data (embedded, or on DATABASE_URL's server), a production build
// in a private copy (as `npm run bench`), `next start`, a sign-in as the demo resident
// 13800000001 through Chromium, then for /login, /resident, /resident/orders/new,
// /resident/board and the resident's latest order:
// - Lighthouse 12 run programmatically against Debian's Chromium (chrome-launcher with
//   chromePath), its default mobile settings (emulated phone, simulated slow 4G and 4× CPU
//   slowdown), the session cookie as an extra header; --runs runs per page, the run with the
//   median performance score reported. Chromium's background connections are off: the
//   machine has no outside network and Lighthouse must measure only the page.
// - First-load JS: the JS files the page's HTML loads (its <script src> tags), read from the
//   build folder and gzipped here (zlib's default level, as a server would send them), summed.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { chromiumArgs, findChromium } from "./lib/chromium";
import { freePort } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { throwawayServer } from "./lib/throwaway-db";
import { orderActionTemplate, PLACE_ORDER_FIELDS, postAction } from "./lib/bench-actions";
import {
  appEnv,
  argument,
  benchSay,
  buildApp,
  commandLine,
  flag,
  loadAverage,
  root,
  runFacts,
  signIn,
  startApp,
  table,
  writeSection,
  type AppServer,
} from "./lib/bench-app";

process.chdir(root);
const say = benchSay("lighthouse");

const options = {
  runs: Number(argument("runs") ?? 3),
  database: argument("database") ?? "linli_lighthouse",
  write: !flag("no-write"),
};

const RESIDENT = "13800000001";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

type Scores = Record<(typeof CATEGORIES)[number], number>;
type PageReport = {
  name: string;
  path: string;
  scores: Scores;
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; si: number };
  runs: number[];
  js: { files: number; raw: number; gzip: number };
  html: { gzip: number };
  failed: string[];
};

/** The JS files a page's HTML loads, with their sizes as shipped from the build folder. */
function firstLoadJs(html: string, buildDir: string) {
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
  const files = [...new Set(sources.filter((s) => s.startsWith("/_next/static/")).map((s) => s.split("?")[0]))];
  let raw = 0;
  let gzip = 0;
  for (const src of files) {
    const file = path.join(buildDir, ".next", src.slice("/_next/".length));
    if (!fs.existsSync(file)) throw new Error(`${src} is not in the build folder`);
    const bytes = fs.readFileSync(file);
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes).length;
  }
  return { files: files.length, raw, gzip };
}

async function audit(url: string, cookie: string | undefined, port: number) {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...CATEGORIES],
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Scores;
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const failed = Object.values(lhr.categories)
    .filter((c) => c.id !== "performance")
    .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1).map((r) => `${c.id}: ${r.id}`));
  return {
    scores,
    metrics: {
      fcp: value("first-contentful-paint"),
      lcp: value("largest-contentful-paint"),
      tbt: value("total-blocking-time"),
      cls: value("cumulative-layout-shift"),
      si: value("speed-index"),
    },
    failed,
    finalUrl: lhr.finalDisplayedUrl,
  };
}

function report(context: { started: Date; loadBefore: string; pages: PageReport[]; chromium: string; command: string; build: string }) {
  const out: string[] = [];
  out.push("## Lighthouse and first-load JS of the resident's pages (`npm run bench:lighthouse`)");
  out.push("");
  out.push(
    "Written by `scripts/lighthouse.ts`: Lighthouse 12 with its default mobile settings (an emulated phone, simulated slow 4G, 4× CPU slowdown) " +
      `against \`next start\` on loopback, signed in as the demo resident ${RESIDENT} (/login anonymous); ${options.runs} runs per page, the run with the median ` +
      "performance score shown (its own metrics beside it). First-load JS = the JS files the page's HTML loads through its `<script src>` tags, " +
      "read from the build folder and gzipped (zlib default level); HTML = the page's own document, gzipped, which carries the inline RSC payload.",
  );
  out.push("");
  out.push(runFacts({ ...context, machineExtra: context.chromium, facts: [["build", context.build]] }));
  out.push("");
  const kb = (n: number) => (n / 1024).toFixed(1);
  out.push(
    table(
      [
        "page",
        "path",
        "perf",
        "a11y",
        "best pr.",
        "SEO",
        "perf runs",
        "FCP ms",
        "LCP ms",
        "TBT ms",
        "CLS",
        "JS files",
        "JS gzip KiB",
        "JS raw KiB",
        "HTML gzip KiB",
      ],
      context.pages.map((p) => [
        p.name,
        `\`${p.path}\``,
        p.scores.performance,
        p.scores.accessibility,
        p.scores["best-practices"],
        p.scores.seo,
        p.runs.join(", "),
        p.metrics.fcp.toFixed(0),
        p.metrics.lcp.toFixed(0),
        p.metrics.tbt.toFixed(0),
        p.metrics.cls.toFixed(3),
        p.js.files,
        kb(p.js.gzip),
        kb(p.js.raw),
        kb(p.html.gzip),
      ]),
    ),
  );
  const failed = [...new Set(context.pages.flatMap((p) => p.failed.map((f) => `${f} (${p.name})`)))];
  if (failed.length) {
    out.push("");
    out.push(`Audits below full marks outside performance: ${failed.join("; ")}.`);
  }
  return out.join("\n");
}

async function main() {
  const started = new Date();
  const loadBefore = loadAverage();
  const chromePath = findChromium();
  if (!chromePath) throw new Error("No Chromium (install Debian's chromium or set LINLI_CHROMIUM).");
  const server = await throwawayServer();
  const url = server.url(options.database);
  let app: AppServer | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  let build: ReturnType<typeof buildApp> | undefined;
  try {
    await prepareDatabase({ adminUrl: server.adminUrl, url, recreate: true, seed: "always", log: say });
    const env = appEnv(url);
    build = buildApp(env, say);
    app = await startApp(build, env, { port: await freePort() });
    const cookie = await signIn(app.base, RESIDENT, /\/resident/);
    // The order page shows an order the resident placed through the form's action just now.
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const category = (await db.query(`SELECT id FROM "OrderCategory" WHERE active AND "requiresDispatch" ORDER BY code LIMIT 1`)).rows[0].id as string;
    await db.end();
    const place = await orderActionTemplate(
      build.dir,
      "placeOrderAction",
      { idempotencyKey: crypto.randomUUID(), ...PLACE_ORDER_FIELDS, categoryId: category },
      app.base,
      cookie,
    );
    const placed = await postAction(app.base, { path: "/resident/orders/new", body: place.body }, place.headers);
    if (!placed.outcome.ok || !placed.outcome.id) throw new Error(`placing an order as ${RESIDENT} failed: ${placed.outcome.error}`);
    const order = placed.outcome.id;
    const pages = [
      { name: "sign-in page", path: "/login", cookie: undefined },
      { name: "resident's home (my orders)", path: "/resident", cookie },
      { name: "place an order", path: "/resident/orders/new", cookie },
      { name: "courtyard board", path: "/resident/board", cookie },
      { name: "order page", path: `/orders/${order}`, cookie },
    ];

    const version = (await import("lighthouse/package.json", { with: { type: "json" } })).default.version as string;
    chrome = await chromeLauncher.launch({
      chromePath,
      // chrome-launcher's own defaults already turn off most background traffic; these add
      // the rest and run headless without a sandbox (root in a container).
      chromeFlags: ["--headless=new", ...chromiumArgs, "--disable-features=OptimizationHints,MediaRouter,Translate", "--no-default-browser-check"],
      logLevel: "silent",
    });
    const results: PageReport[] = [];
    for (const page of pages) {
      const response = await fetch(app.base + page.path, { headers: page.cookie ? { cookie: page.cookie } : {}, redirect: "manual" });
      const html = await response.text();
      if (response.status !== 200 || (page.cookie && html.includes('name="password"')))
        throw new Error(`${page.path} answered ${response.status} or the sign-in form`);
      const js = firstLoadJs(html, build.dir);
      const runs = [];
      for (let i = 0; i < options.runs; i++) {
        const run = await audit(app.base + page.path, page.cookie, chrome.port);
        if (new URL(run.finalUrl).pathname !== page.path) throw new Error(`Lighthouse on ${page.path} ended on ${run.finalUrl}: the session did not hold`);
        runs.push(run);
      }
      const sorted = [...runs].sort((x, y) => x.scores.performance - y.scores.performance);
      const median = sorted[Math.floor(sorted.length / 2)];
      const row: PageReport = {
        name: page.name,
        path: page.path.startsWith("/orders/") ? "/orders/:id" : page.path,
        scores: median.scores,
        metrics: median.metrics,
        runs: runs.map((r) => r.scores.performance),
        js,
        html: { gzip: zlib.gzipSync(html).length },
        failed: median.failed,
      };
      results.push(row);
      say(
        `${page.path}: ${CATEGORIES.map((c) => `${c} ${row.scores[c]}`).join(", ")} (performance runs ${row.runs.join(", ")}); JS ${js.files} files, ${(js.gzip / 1024).toFixed(1)} KiB gzip`,
      );
    }
    const chromium = `Lighthouse ${version}, ${await chromeVersion(chrome.port)}`;
    const command = commandLine("bench:lighthouse");
    const section = report({
      started,
      loadBefore,
      pages: results,
      chromium,
      command,
      build: build.reused ? "reused" : `next build in ${build.seconds.toFixed(0)} s`,
    });
    if (options.write) {
      writeSection("bench-lighthouse", "scripts/lighthouse.ts", section);
      say("docs/performance.md updated (between the bench-lighthouse markers)");
    } else process.stdout.write(`${section}\n`);
  } finally {
    await chrome?.kill();
    await app?.stop();
    build?.remove();
    await server.stop();
  }
}

async function chromeVersion(port: number): Promise<string> {
  const info = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { Browser: string };
  return info.Browser.replace("HeadlessChrome", "Chromium");
}

main().catch((error: Error) => {
  process.stderr.write(`[lighthouse] ${error.stack ?? error.message}\n`);
  process.exit(1);
});
