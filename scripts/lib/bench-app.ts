// The production app as the benchmark scripts drive it: a build in a private copy of the
// sources, `next start` processes on loopback ports, sign-ins through Chromium.
// Shared by scripts/bench.ts, scripts/bench-cluster.ts and scripts/lighthouse.ts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Page } from "@playwright/test";
import { chromiumArgs, findChromium } from "./chromium";

export const root = path.resolve(import.meta.dirname, "../..");

export const benchSay = (tag: string) => (line: string) => process.stdout.write(`[${tag}] ${line}\n`);

export function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at >= 0 && process.argv[at + 1] && !process.argv[at + 1].startsWith("--")) return process.argv[at + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
export const flag = (name: string) => process.argv.includes(`--${name}`);

/** The environment every `next start` of a benchmark gets. */
export function appEnv(databaseUrl: string, secret = crypto.randomBytes(32).toString("base64url")): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secret,
    AUTH_TRUST_HOST: "true",
    LINLI_DEMO: "0",
    LINLI_DIST_DIR: ".next",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

export type Build = { dir: string; seconds: number; reused: boolean; remove(): void };

/**
 * A production build in a private copy of the sources (so that no one's .next, tsconfig.json
 * or next-env.d.ts changes); node_modules hard-linked (Turbopack refuses a symlink out of the
 * project). LINLI_BENCH_BUILD=<dir> reuses a copy built earlier (kept, for development of
 * the benchmarks themselves); without it the copy is made afresh and removed afterwards.
 * `sources` builds another checkout of the project (e.g. an earlier commit) the same way.
 */
export function buildApp(env: NodeJS.ProcessEnv, say: (line: string) => void, sources = root): Build {
  const kept = sources === root ? process.env.LINLI_BENCH_BUILD : undefined;
  if (kept && fs.existsSync(path.join(kept, ".next", "BUILD_ID"))) {
    say(`reusing the build in ${kept} (LINLI_BENCH_BUILD)`);
    return { dir: kept, seconds: 0, reused: true, remove() {} };
  }
  const dir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), "linli-bench-app-"));
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of ["src", "messages", "public", "next.config.ts", "tsconfig.json", "postcss.config.mjs", "package.json", "next-env.d.ts"]) {
    if (fs.existsSync(path.join(sources, entry))) fs.cpSync(path.join(sources, entry), path.join(dir, entry), { recursive: true });
  }
  if (!fs.existsSync(path.join(dir, "node_modules"))) {
    const linked = spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
    if (linked.status !== 0) fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  }
  say(`building in ${dir} …`);
  const started = Date.now();
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: dir, env, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  const seconds = (Date.now() - started) / 1000;
  say(`built in ${seconds.toFixed(0)} s`);
  return { dir, seconds, reused: false, remove: () => (kept ? undefined : fs.rmSync(dir, { recursive: true, force: true })) };
}

/**
 * Preloaded into `next start` (NODE_OPTIONS=--import): counts the statements the app sends
 * through `pg` (Prisma's adapter uses it), and among them the updates of "Order", and answers
 * both as JSON on a port of its own. Written into the private copy at run time; nothing of it
 * is in the build.
 */
const COUNTER = `
import http from "node:http";
import { createRequire } from "node:module";
const pg = createRequire(process.cwd() + "/package.json")("pg");
const counts = { statements: 0, orderUpdates: 0 };
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  counts.statements++;
  const text = typeof args[0] === "string" ? args[0] : args[0] && args[0].text;
  if (typeof text === "string" && /^\\s*UPDATE\\s+("public"\\.)?"Order"\\s/.test(text)) counts.orderUpdates++;
  return query.apply(this, args);
};
const port = Number(process.env.LINLI_BENCH_COUNTER_PORT);
if (port) http.createServer((req, res) => res.end(JSON.stringify(counts))).on("error", () => {}).listen(port, "127.0.0.1").unref();
`;

export type Counts = { statements: number; orderUpdates: number };

/** What the statement counter inside a `next start` has counted so far. */
export async function readCounter(port: number): Promise<Counts> {
  return (await (await fetch(`http://127.0.0.1:${port}/`)).json()) as Counts;
}

export type AppServer = { base: string; port: number; counterPort?: number; process: ChildProcess; stop(): Promise<void> };

export async function waitFor(url: string, child: ChildProcess, seconds = 60) {
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

/** `next start` of a build on a loopback port; with `counterPort`, the statement counter preloaded. */
export async function startApp(build: Build, env: NodeJS.ProcessEnv, options: { port: number; counterPort?: number; log?: string }): Promise<AppServer> {
  const extra: Record<string, string> = {};
  if (options.counterPort) {
    const counter = path.join(build.dir, "bench-statement-counter.mjs");
    fs.writeFileSync(counter, COUNTER);
    extra.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(counter).href}`.trim();
    extra.LINLI_BENCH_COUNTER_PORT = String(options.counterPort);
  }
  const out = options.log ? fs.openSync(options.log, "a") : "ignore";
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: build.dir,
    env: { ...env, ...extra },
    stdio: ["ignore", out, options.log ? out : "inherit"],
  });
  const base = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitFor(`${base}/api/floor`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, port: options.port, counterPort: options.counterPort, process: child, stop };
}

/**
 * Waits until the server is idle again: autocannon drops its connections at the end of a run,
 * but the server still finishes the requests it had; the floor answers fast only when idle.
 */
export async function settle(base: string) {
  let quick = 0;
  for (let i = 0; i < 600 && quick < 3; i++) {
    const at = performance.now();
    await (await fetch(`${base}/api/floor`)).arrayBuffer();
    quick = performance.now() - at < 10 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type BrowserSession = { cookie: string; page: Page; close(): Promise<void> };

/** Signs in through the sign-in page in Chromium and keeps the page open (e.g. to sign out later). */
export async function browserSession(base: string, phone: string, landing: RegExp): Promise<BrowserSession> {
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
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    return { cookie, page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Signs in through the sign-in page in Chromium; answers the session's Cookie header. */
export async function signIn(base: string, phone: string, landing: RegExp): Promise<string> {
  const session = await browserSession(base, phone, landing);
  await session.close();
  return session.cookie;
}

export function machine() {
  const cpus = os.cpus();
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
  return {
    cpu: `${cpus[0]?.model ?? "?"} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    commit,
    load: loadAverage(),
  };
}

/** The facts every report starts with: when, how, on what, and how busy the machine was. */
export function runFacts(context: { started: Date; command: string; loadBefore: string; machineExtra?: string; facts: [string, string][] }): string {
  const m = machine();
  const rows: [string, string][] = [
    ["date", context.started.toISOString().replace("T", " ").slice(0, 16) + " UTC"],
    ["command", `\`${context.command}\``],
    ["machine", `${m.cpu}, ${m.memory}; Node ${m.node}${context.machineExtra ? `; ${context.machineExtra}` : ""}`],
    ...context.facts,
    ["code", `commit ${m.commit} plus the working tree`],
    ["load average (1/5/15 min) before → after", `${context.loadBefore} → ${m.load}`],
  ];
  return rows.map(([label, value]) => `- **${label}**: ${value}`).join("\n");
}

/** How the script was called, as a command to paste. */
export function commandLine(script: string): string {
  const args = process.argv.slice(2);
  return args.length ? `npm run ${script} -- ${args.join(" ")}` : `npm run ${script}`;
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

export const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

/**
 * Replaces one script's part of docs/performance.md, between its own markers, re-reading the
 * file right before writing; each script owns one part and leaves the others as they are.
 */
export function writeSection(marker: string, script: string, section: string) {
  const file = path.join(root, "docs/performance.md");
  const begin = `<!-- ${marker}:begin (written by ${script}; edit outside these markers) -->`;
  const end = `<!-- ${marker}:end -->`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Performance\n";
  const block = `${begin}\n${section}\n${end}`;
  const from = current.indexOf(`<!-- ${marker}:begin`);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
