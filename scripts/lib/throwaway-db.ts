// A throwaway PostgreSQL for tests and tools: the server of DATABASE_URL when it is set,
// otherwise an embedded server in a temporary folder that is removed on stop.
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
  return {
    adminUrl: pg.url("postgres"),
    url: (database) => pg.url(database),
    async stop() {
      await pg.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
