// `npm run bench:photos`: how fast the photo route serves a photo from the photo store
// (docs/performance.md, "Serving photos"; docs/decisions/030-photo-store.md).
//
//   npm run bench:photos -- [--duration 10] [--connections 1,10] [--before <git ref>] [--no-write]
//
// A throwaway PostgreSQL with the demo data, a production build in a private copy of the
// sources, `next start`, the demo resident signed in through Chromium, two photos uploaded
// through /api/uploads (a typical phone photo and an incompressible worst case, each re-encoded
// to 2048 px), then autocannon against /api/photos/<id> and against the floor (/api/floor, a
// trivial dynamic route of the same build) at each concurrency, with the server's peak memory.
// --before <ref> builds that commit's sources as well and runs the same requests against it
// (e.g. the last commit that kept photos as files on disk), on the same database server.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { freePort } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { throwawayServer } from "./lib/throwaway-db";
import { cannon } from "./lib/bench-autocannon";
import {
  appEnv,
  argument,
  benchSay,
  buildApp,
  commandLine,
  flag,
  loadAverage,
  runFacts,
  root,
  settle,
  signIn,
  startApp,
  table,
  writeSection,
  type Build,
} from "./lib/bench-app";
import { ms, stats } from "./lib/bench-stats";

process.chdir(root);
const say = benchSay("bench:photos");
const options = {
  duration: Number(argument("duration") ?? 10),
  connections: (argument("connections") ?? "1,10").split(",").map(Number),
  before: argument("before"),
  write: !flag("no-write"),
};
const RESIDENT = "13800000007";

/** A phone photo's worth of detail (smooth noise), and pure noise, which JPEG cannot shrink. */
async function photos(): Promise<{ name: string; bytes: Buffer }[]> {
  const noise = (w: number, h: number) => sharp(crypto.randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } });
  return [
    { name: "typical phone photo", bytes: await noise(1000, 750).resize(4000, 3000).blur(1.2).jpeg({ quality: 90 }).toBuffer() },
    { name: "worst case (noise)", bytes: await noise(2048, 1536).jpeg({ quality: 95 }).toBuffer() },
  ];
}

async function upload(base: string, cookie: string, bytes: Buffer): Promise<{ id: string }> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "photo.jpg");
  const response = await fetch(`${base}/api/uploads`, { method: "POST", body: form, headers: { cookie, origin: base } });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** The server's peak resident memory so far (VmHWM), in MB. */
function peakMb(pid: number | undefined): number {
  const status = pid ? fs.readFileSync(`/proc/${pid}/status`, "utf8") : "";
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024);
}

type Row = {
  build: string;
  target: string;
  size: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  mbps: number;
  errors: number;
  peak: number;
};

async function measure(label: string, build: Build, env: NodeJS.ProcessEnv, images: { name: string; bytes: Buffer }[]): Promise<Row[]> {
  const app = await startApp(build, env, { port: await freePort(3400) });
  const rows: Row[] = [];
  try {
    const cookie = await signIn(app.base, RESIDENT, /\/resident/);
    const targets: { target: string; path: string; size: number; cookie?: string }[] = [{ target: "floor (/api/floor)", path: "/api/floor", size: 0 }];
    for (const image of images) {
      const { id } = await upload(app.base, cookie, image.bytes);
      const served = await fetch(`${app.base}/api/photos/${id}`, { headers: { cookie } });
      const size = (await served.arrayBuffer()).byteLength;
      if (served.status !== 200) throw new Error(`the photo route answered ${served.status}`);
      targets.push({ target: image.name, path: `/api/photos/${id}`, size, cookie });
    }
    for (const connections of options.connections) {
      for (const t of targets) {
        await settle(app.base);
        await cannon(`${app.base}${t.path}`, connections, { duration: 2 }, t.cookie); // warm-up
        await settle(app.base);
        const { result, times } = await cannon(`${app.base}${t.path}`, connections, { duration: options.duration }, t.cookie);
        const s = stats(times);
        rows.push({
          build: label,
          target: t.target,
          size: t.size ? `${Math.round(t.size / 1024)} KB` : "—",
          connections,
          rps: Math.round(result.requests.average),
          p50: s.p50,
          p95: s.p95,
          mbps: Math.round((result.throughput.average / 2 ** 20) * 10) / 10,
          errors: result.errors + result.timeouts + result.non2xx,
          peak: peakMb(app.process.pid),
        });
        say(`${label} · ${t.target} · ${connections} conn: ${rows.at(-1)!.rps} req/s, p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms`);
      }
    }
  } finally {
    await app.stop();
  }
  return rows;
}

async function main() {
  const started = new Date();
  const loadBefore = loadAverage();
  const server = await throwawayServer();
  const builds: Build[] = [];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "linli-bench-photos-"));
  try {
    const images = await photos();
    const runs: { label: string; sources: string; database: string }[] = [{ label: "photo store (this tree)", sources: root, database: "linli_bench_photos" }];
    if (options.before) {
      const dir = path.join(scratch, "before");
      fs.mkdirSync(dir);
      const archive = spawnSync("sh", ["-c", `git archive ${JSON.stringify(options.before)} | tar -x -C ${JSON.stringify(dir)}`], {
        cwd: root,
        encoding: "utf8",
      });
      if (archive.status !== 0) throw new Error(`git archive ${options.before}: ${archive.stderr}`);
      // The Prisma client is generated, not committed: this tree's serves (it knows every older model).
      fs.cpSync(path.join(root, "src/generated"), path.join(dir, "src/generated"), { recursive: true });
      runs.push({ label: `before (${options.before})`, sources: dir, database: "linli_bench_photos_before" });
    }
    const rows: Row[] = [];
    for (const run of runs) {
      const url = server.url(run.database);
      await prepareDatabase({ adminUrl: server.adminUrl, url, recreate: true, seed: "always", log: say });
      // Earlier versions keep photos in LINLI_UPLOAD_DIR; the photo store ignores it.
      const env = { ...appEnv(url), LINLI_UPLOAD_DIR: path.join(scratch, `uploads-${builds.length}`), LINLI_HOUSEKEEPING: "0" };
      const build = buildApp(env, say, run.sources);
      builds.push(build);
      rows.push(...(await measure(run.label, build, env, images)));
    }
    const section = [
      "## Serving photos (`npm run bench:photos`)",
      "",
      runFacts({
        started,
        command: commandLine("bench:photos"),
        loadBefore,
        facts: [
          [
            "what",
            "GET /api/photos/<id> as the demo resident (session check, visibility check, the bytes streamed from the photo store) against the floor, a trivial dynamic route of the same build; autocannon " +
              `${options.duration} s per cell after 2 s of warm-up`,
          ],
          ["photos", "uploaded through /api/uploads, so re-encoded as the portal stores them (2048 px, JPEG q82)"],
        ],
      }),
      "",
      table(
        ["build", "target", "size", "connections", "req/s", "p50 ms", "p95 ms", "MB/s", "errors", "server peak RSS MB"],
        rows.map((r) => [r.build, r.target, r.size, r.connections, r.rps, ms(r.p50), ms(r.p95), r.mbps, r.errors, r.peak]),
      ),
    ].join("\n");
    fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
    fs.writeFileSync(path.join(root, "test-results", "bench-photos.json"), JSON.stringify(rows, null, 2));
    if (options.write) writeSection("bench-photos", "scripts/bench-photos.ts", section);
    process.stdout.write(`\n${section}\n`);
  } finally {
    for (const build of builds) build.remove();
    fs.rmSync(scratch, { recursive: true, force: true });
    await server.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`[bench:photos] ${error.stack ?? error.message}\n`);
  process.exit(1);
});
