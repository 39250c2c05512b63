// A throwaway PostgreSQL for tests and tools: the server of DATABASE_URL when it is set,
// otherwise an embedded server in a temporary folder that is removed on stop.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";

export type ThrowawayServer = { url(database: string): string; adminUrl: string; stop(): Promise<void> };

export async function throwawayServer(): Promise<ThrowawayServer> {
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    const admin = new URL(base);
    admin.pathname = "/postgres";
    return {
      adminUrl: admin.toString(),
      url(database) {
        const u = new URL(base);
        u.pathname = `/${database}`;
        return u.toString();
      },
      stop: async () => {},
    };
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "linli-test-"));
  fs.chmodSync(root, 0o755); // the postgres user (when we run as root) must reach it
  const pg = await startEmbeddedPostgres({ dataDir: path.join(root, "data"), ephemeral: true });
  outliveNot(root);
  return {
    adminUrl: pg.url("postgres"),
    url: (database) => pg.url(database),
    async stop() {
      await pg.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A process killed outright (kill -9, a CI job cancelled) cannot stop its database server: a
 * small detached watcher does, once this process is gone, and removes the folder. After a normal
 * stop the folder is already gone and the watcher just ends.
 */
function outliveNot(root: string) {
  const pidFile = path.join(root, "data", "postmaster.pid");
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; [ -f "${pidFile}" ] && kill -INT "$(head -1 "${pidFile}")" 2>/dev/null; sleep 5; rm -rf "${root}"`;
  spawn("sh", ["-c", script], { detached: true, stdio: "ignore" }).unref();
}
