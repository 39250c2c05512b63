// Backing up and restoring `npm start`'s embedded PostgreSQL, which holds the photos too
// (docs/decisions/028-backups.md, 030-photo-store.md). The database is copied with PostgreSQL's low-level base
// backup API — pg_backup_start, a copy of the data directory, pg_backup_stop, and the WAL from
// the start to the stop — so the portal keeps serving meanwhile; a temporary replication slot
// keeps that WAL from being recycled during the copy. A restore puts the copy back with its
// backup_label, and PostgreSQL replays the WAL to the end of the backup on its next start.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { IMPORTED, UNREFERENCED } from "../../src/server/uploads/store-config";
import { copyTree, verifyBackup, writeManifest, type Manifest } from "./backup-files";
import { owningProcess, passwordFileOf, postgresIds, runningServer, serverUrl, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

type Log = (line: string) => void;
type Places = { dataDir: string; uploadDir: string; log: Log };

// What a base backup leaves out of a running data directory (PostgreSQL 17 documentation,
// "Making a Base Backup Using the Low Level API"). pg_wal is filled after pg_backup_stop.
const EMPTIED = new Set(["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"]);
const LEFT_OUT = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "backup_label.old", "tablespace_map", "current_logfiles", "pg_internal.init"]);
const leftOut = (name: string) => LEFT_OUT.has(name) || name.startsWith("pgsql_tmp");

/** 2026-12-02T15:30:00.123Z → 20261202T153000Z */
const stamp = (date = new Date()) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

const WAL_SEGMENT = /^[0-9A-F]{24}$/;
/** A WAL file's position in the sequence (timeline apart): log × 256 + segment, for 16 MB segments. */
const segmentNumber = (name: string) => parseInt(name.slice(8, 16), 16) * 0x100 + parseInt(name.slice(16, 24), 16);

/** The WAL from the backup's start to its stop, copied into the backup's pg_wal. */
function copyWal(dataDir: string, target: string, startWal: string, stopWal: string) {
  const wal = path.join(dataDir, "pg_wal");
  const wanted = fs.readdirSync(wal).filter((name) => (WAL_SEGMENT.test(name) && name >= startWal && name <= stopWal) || name.endsWith(".history"));
  for (const name of wanted) fs.copyFileSync(path.join(wal, name), path.join(target, "pg_wal", name));
  const segments = wanted.filter((name) => WAL_SEGMENT.test(name)).length;
  if (segments !== segmentNumber(stopWal) - segmentNumber(startWal) + 1) {
    throw new Error(`WAL from ${startWal} to ${stopWal} is not all in ${wal}; the backup is incomplete.`);
  }
}

export async function takeBackup(options: Places & { backupRoot: string }): Promise<{ dir: string; manifest: Manifest }> {
  const { dataDir, uploadDir, log } = options;
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`There is no database in ${dataDir} to back up.`);
  const password = fs.readFileSync(passwordFileOf(dataDir), "utf8").trim();
  const running = runningServer(dataDir);
  // Not running: start it for the copy (the same path then serves both cases), and stop it after.
  const own: EmbeddedPostgres | undefined = running ? undefined : await startEmbeddedPostgres({ dataDir });
  const url = own ? own.url("postgres") : serverUrl(running!.port, password, "postgres");

  let name = `linli-${stamp()}`;
  for (let n = 2; fs.existsSync(path.join(options.backupRoot, name)); n++) name = `linli-${stamp()}-${n}`;
  const dir = path.join(options.backupRoot, name);
  const work = `${dir}.partial`;
  fs.mkdirSync(options.backupRoot, { recursive: true, mode: 0o700 });
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { mode: 0o700 });

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const slot = `linli_backup_${crypto.randomBytes(4).toString("hex")}`;
    await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [slot]);
    await client.query("SELECT pg_backup_start($1, true)", [name]);
    log(`copying the database in ${dataDir}`);
    copyTree(dataDir, path.join(work, "postgres"), { emptied: EMPTIED, skip: leftOut });
    const { rows } = await client.query<{ lsn: string; labelfile: string; spcmapfile: string; stop_wal: string }>(
      "SELECT s.lsn::text AS lsn, s.labelfile, s.spcmapfile, pg_walfile_name(s.lsn) AS stop_wal FROM pg_backup_stop(false) s",
    );
    const stop = rows[0];
    const startWal = /START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)/.exec(stop.labelfile)?.[1];
    if (!startWal) throw new Error("PostgreSQL's backup label names no start WAL file.");
    fs.writeFileSync(path.join(work, "postgres", "backup_label"), stop.labelfile, { mode: 0o600 });
    if (stop.spcmapfile) fs.writeFileSync(path.join(work, "postgres", "tablespace_map"), stop.spcmapfile, { mode: 0o600 });
    fs.mkdirSync(path.join(work, "postgres", "pg_wal", "archive_status"), { recursive: true });
    copyWal(dataDir, path.join(work, "postgres"), startWal, stop.stop_wal);
    fs.copyFileSync(passwordFileOf(dataDir), path.join(work, "postgres.password"));
    // Photo files that earlier versions kept on disk and the import has not moved into the
    // database yet (their rows are in the copy above); those moved aside are in the database.
    const waiting = copyTree(uploadDir, path.join(work, "uploads"), { skip: (name) => name === IMPORTED || name === UNREFERENCED });
    if (waiting) log(`copied ${waiting} photo file(s) from ${uploadDir} that the next start moves into the database`);
    const version = fs.readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim();
    const manifest = writeManifest(work, { version, startWal, stopWal: stop.stop_wal, stopLsn: stop.lsn });
    fs.renameSync(work, dir);
    return { dir, manifest };
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
    await own?.stop();
  }
}

/** Moves `target` aside (if it exists) and answers where to, or null. */
function moveAside(target: string, suffix: string): string | null {
  if (!fs.existsSync(target)) return null;
  const aside = `${target}.${suffix}`;
  fs.renameSync(target, aside);
  return aside;
}

export async function restoreBackup(options: Places & { from: string }): Promise<{ manifest: Manifest; kept: string[] }> {
  const { dataDir, uploadDir, from, log } = options;
  const owner = owningProcess(dataDir);
  const server = runningServer(dataDir);
  if (owner || server) {
    throw new Error(
      `The portal is running (pid ${owner ?? server!.pid}) on ${dataDir}: stop it first (Ctrl-C, or kill -TERM ${owner ?? server!.pid}), then restore.`,
    );
  }
  log(`checking ${from} against its manifest`);
  const manifest = verifyBackup(from);

  const suffix = `before-restore-${stamp()}`;
  const places: [string, string | null][] = [];
  try {
    for (const place of [dataDir, passwordFileOf(dataDir), uploadDir]) places.push([place, moveAside(place, suffix)]);
    copyTree(path.join(from, "postgres"), dataDir, { owner: postgresIds(), privateModes: true });
    fs.copyFileSync(path.join(from, "postgres.password"), passwordFileOf(dataDir));
    fs.chmodSync(passwordFileOf(dataDir), 0o600);
    copyTree(path.join(from, "uploads"), uploadDir, { privateModes: true });
    // Replay the WAL to the end of the backup now, so that a bad copy shows here and not at the next start.
    log("starting the restored database once to replay its WAL");
    const check = await startEmbeddedPostgres({ dataDir });
    try {
      const client = new pg.Client({ connectionString: check.url("postgres") });
      await client.connect();
      await client.query("SELECT count(*) FROM pg_database");
      await client.end();
    } finally {
      await check.stop();
    }
  } catch (error) {
    for (const [place, aside] of places) {
      fs.rmSync(place, { recursive: true, force: true });
      if (aside) fs.renameSync(aside, place);
    }
    throw new Error(`The restore failed and the previous data is back in place: ${(error as Error).message}`);
  }
  return { manifest, kept: places.map(([, aside]) => aside).filter((a): a is string => !!a) };
}
