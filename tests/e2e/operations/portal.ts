// The portal as `npm start` runs it (scripts/start.ts), on the build under test, in a process of
// its own: with the suite's database, or with an embedded PostgreSQL in a folder of its own.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../../scripts/lib/embedded-postgres";

const root = path.resolve(import.meta.dirname, "../../..");

export type Portal = {
  url: string;
  /** The `npm start` process. */
  child: ChildProcess;
  /** What the portal wrote to stdout and stderr so far. */
  output(): string;
  /** With an embedded database: the folder that stands for .data/. */
  dataRoot?: string;
  pgPort?: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
};

export async function startPortal(options: { embedded?: boolean; env?: Record<string, string> } = {}): Promise<Portal> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LINLI_HOUSEKEEPING: "0", ...options.env };
  let dataRoot: string | undefined;
  let pgPort: number | undefined;
  if (options.embedded) {
    dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "linli-portal-"));
    fs.chmodSync(dataRoot, 0o755); // the postgres user (when we run as root) must reach it
    pgPort = await freePort();
    delete env.DATABASE_URL;
    delete env.LINLI_UPLOAD_DIR;
    Object.assign(env, { LINLI_DATA_DIR: dataRoot, LINLI_PG_PORT: String(pgPort) });
  }
  // `npm start` itself, in a process group of its own as in a terminal of its own.
  const child = spawn("npm", ["start", "--", "--no-build"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const portal: Portal = {
    url,
    child,
    output: () => output,
    dataRoot,
    pgPort,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(-child.pid!, "SIGTERM");
        const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 30_000);
        await exited;
        clearTimeout(timer);
      }
      if (dataRoot) fs.rmSync(dataRoot, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the portal exited while starting:\n${output}`);
    const ready = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return portal;
    if (Date.now() > deadline) {
      await portal.stop();
      throw new Error(`the portal did not start in 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
