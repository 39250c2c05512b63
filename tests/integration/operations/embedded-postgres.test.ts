// `npm start`'s database start (scripts/lib/embedded-postgres.ts) against a postmaster.pid that
// names a process which is not this data directory's server: a pid reused by another program
// after a crash, or the server of another data directory. Neither may be signalled.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../../scripts/lib/embedded-postgres";

let root: string;
let dataDir: string;
const strangers: ChildProcess[] = [];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "linli-pidfile-"));
  fs.chmodSync(root, 0o755); // the postgres user (when we run as root) must reach it
  dataDir = path.join(root, "postgres");
  await (await startEmbeddedPostgres({ dataDir })).stop(); // a cluster, cleanly stopped
});

afterAll(() => {
  for (const child of strangers) child.kill("SIGKILL");
  fs.rmSync(root, { recursive: true, force: true });
});

/** A live process that is not our server; resolves once it runs. */
async function stranger(file: string, args: string[], argv0?: string): Promise<ChildProcess> {
  const child = spawn(file, args, { stdio: "ignore", argv0 });
  strangers.push(child);
  await new Promise((resolve, reject) => child.once("spawn", resolve).once("error", reject));
  return child;
}

/** A pid file as PostgreSQL writes it, naming `pid`. */
function writePidFile(pid: number, dir = dataDir) {
  const lines = [String(pid), dir, String(Math.floor(Date.now() / 1000)), "54329", "", "127.0.0.1", "  54329001      1234", "ready   "];
  const file = path.join(dataDir, "postmaster.pid");
  fs.writeFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
  const st = fs.statSync(dataDir);
  fs.chownSync(file, st.uid, st.gid);
}

async function startsAndAnswers() {
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    const client = new pg.Client({ connectionString: server.url("postgres") });
    await client.connect();
    const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
    await client.end();
    expect(rows[0].one).toBe(1);
  } finally {
    await server.stop();
  }
}

const stillAlive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

describe("a postmaster.pid that names a stranger", () => {
  it("leaves an unrelated live process alone and starts the database cleanly", async () => {
    const sleeper = await stranger("sleep", ["60"]);
    writePidFile(sleeper.pid!);
    const started = Date.now();
    await startsAndAnswers();
    await new Promise((r) => setTimeout(r, 200));
    expect(stillAlive(sleeper), "the sleep named in the pid file is still running").toBe(true);
    expect(Date.now() - started, "no wait for a stranger to remove the pid file").toBeLessThan(5_000);
  });

  it("leaves the server of another data directory alone", async () => {
    // A process that calls itself postgres, serving somewhere else.
    const other = await stranger(process.execPath, ["-e", "setTimeout(() => {}, 60000)", "--", "-D", path.join(root, "elsewhere")], "postgres");
    writePidFile(other.pid!);
    await startsAndAnswers();
    await new Promise((r) => setTimeout(r, 200));
    expect(stillAlive(other), "the other data directory's server is still running").toBe(true);
  });

  it("still stops a server of this data directory left running, and starts afresh", async () => {
    const left = await startEmbeddedPostgres({ dataDir });
    const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    await startsAndAnswers();
    expect(() => process.kill(pid, 0), "the server left running was stopped").toThrow();
    await left.stop();
  });
});
