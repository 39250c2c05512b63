// `npm start`: prepare the database, build when the sources changed, serve the portal.
// Without DATABASE_URL it runs an embedded PostgreSQL whose data stays in .data/ and
// adds the demo data on first start; with DATABASE_URL it uses that server and adds demo
// data only when asked (`npm start -- --seed` or LINLI_SEED_DEMO=1). LINLI_DATA_DIR moves .data/
// elsewhere; `--no-build` serves the existing build as it is. Photos that earlier versions kept
// as files are moved into the photo store before serving (docs/decisions/030-photo-store.md).
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataRoot as dataRootDir, postgresDataDir, uploadDir } from "./lib/data-paths";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { PHOTO_KEY, photoStoreConfig } from "../src/server/uploads/store-config";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const dataRoot = dataRootDir();
const say = (line: string) => process.stdout.write(`[linli] ${line}\n`);
const wantSeed = process.argv.includes("--seed") || process.env.LINLI_SEED_DEMO === "1";
const port = Number(process.env.PORT ?? 3000);

function persistentSecret(file: string): string {
  fs.mkdirSync(dataRoot, { recursive: true });
  const target = path.join(dataRoot, file);
  if (!fs.existsSync(target)) fs.writeFileSync(target, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(target, "utf8").trim();
}

function newestSource(): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!fs.existsSync(entry)) return;
    const st = fs.statSync(entry);
    if (st.isDirectory()) for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
    else newest = Math.max(newest, st.mtimeMs);
  };
  ["src", "messages", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"].forEach(visit);
  return newest;
}

function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const buildId = path.join(root, process.env.LINLI_DIST_DIR ?? ".next", "BUILD_ID");
  if (process.argv.includes("--no-build")) {
    if (!fs.existsSync(buildId)) throw new Error(`--no-build: there is no build in ${path.dirname(buildId)}.`);
    return;
  }
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= newestSource()) return;
  say("building the portal (first start or sources changed)…");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
  if (result.status !== 0) throw new Error("The build failed; see the messages above.");
}

/** Photo files still waiting at the top of the folder earlier versions kept them in. */
function photoFilesOnDisk(): boolean {
  try {
    return fs.readdirSync(uploadDir(), { withFileTypes: true }).some((entry) => entry.isFile() && PHOTO_KEY.test(entry.name));
  } catch {
    return false;
  }
}

/** The one-off import of those files (scripts/import-photos.ts); it keeps every file. */
function importPhotoFiles(env: NodeJS.ProcessEnv) {
  say(`moving the photo files in ${uploadDir()} into the photo store…`);
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/import-photos.ts"], { stdio: "inherit", env });
  if (result.status !== 0)
    throw new Error("Some photo files could not be moved into the photo store (see above); nothing was lost. Fix the cause and start again.");
}

async function main() {
  // A mistake in the photo store's settings stops the start here, with the setting named.
  photoStoreConfig(process.env);
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  let demo = false;
  // A stop asked for while the database starts or the build runs: honoured before serving.
  let stopAsked = false;
  const askStop = () => (stopAsked = true);
  process.on("SIGINT", askStop);
  process.on("SIGTERM", askStop);

  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: postgresDataDir(), port: Number(process.env.LINLI_PG_PORT ?? 54329) });
    databaseUrl = embedded.url("linli");
    const { seeded } = await prepareDatabase({ adminUrl: embedded.url("postgres"), url: databaseUrl, seed: "if-empty", log: say }).catch(async (error) => {
      await embedded?.stop();
      throw error;
    });
    if (seeded) say("demo data added: sign in with the demo accounts listed on the sign-in page (password Linli@2026)");
    demo = true;
  } else {
    const { seeded } = await prepareDatabase({ url: databaseUrl, seed: wantSeed ? "always" : "never", log: say });
    demo = wantSeed || seeded;
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? persistentSecret("auth-secret"),
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
    LINLI_DEMO: process.env.LINLI_DEMO ?? (demo ? "1" : "0"),
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
  try {
    if (photoFilesOnDisk()) importPhotoFiles(env);
    buildIfNeeded(env);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }

  process.off("SIGINT", askStop);
  process.off("SIGTERM", askStop);
  if (stopAsked) {
    await embedded?.stop();
    say("stopped before serving");
    return;
  }

  // Our own server around Next.js's handler (scripts/serve.ts): it knows the client's address
  // and drains requests on SIGTERM, which `next start` does not.
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { stdio: "inherit", env: { ...env, PORT: String(port) } });
  say(`serving http://localhost:${port}`);

  // Ctrl-C reaches the server too (same process group); SIGTERM is passed on. The server finishes
  // the requests under way (bounded by LINLI_SHUTDOWN_GRACE_SECONDS), then the database stops.
  // The server checks the setting; here only the outer bound of a stop.
  const graceSeconds = Number(process.env.LINLI_SHUTDOWN_GRACE_SECONDS) || 10;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say("stopping…");
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server.kill("SIGKILL"), (graceSeconds + 15) * 1000);
      await exited;
      clearTimeout(timer);
    }
    await embedded?.stop();
    say("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error: Error) => {
  process.stderr.write(`[linli] ${error.message}\n`);
  process.exit(1);
});
