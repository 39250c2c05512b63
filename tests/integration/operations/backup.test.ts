// The restore drill (docs/operations.md), with `npm run backup` and `npm run restore` on an
// embedded PostgreSQL in a folder of its own: back up while the database runs, write more,
// restore, start — what was there before is back with the same checksums, what came later is gone.
// Photos are rows with their bytes stored out of line (as in "PhotoBlob"), plus the files an
// earlier version left on disk that the import has not moved into the database yet.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../../scripts/lib/embedded-postgres";

const repo = path.resolve(import.meta.dirname, "../../..");
let root: string;
let dataRoot: string;
let dataDir: string;
let uploads: string;
let server: EmbeddedPostgres | undefined;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "linli-drill-"));
  fs.chmodSync(root, 0o755); // the postgres user (when we run as root) must reach it
  dataRoot = path.join(root, "data");
  dataDir = path.join(dataRoot, "postgres");
  uploads = path.join(dataRoot, "uploads");
  fs.mkdirSync(uploads, { recursive: true });
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

/** `npm run <script>` as an operator runs it, for this data folder. */
function npmRun(script: "backup" | "restore", ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LINLI_DATA_DIR: dataRoot };
  delete env.DATABASE_URL;
  delete env.LINLI_UPLOAD_DIR;
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], { cwd: repo, env, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

function photo(): { name: string; sha: string } {
  const name = `${crypto.randomUUID()}.jpg`;
  fs.writeFileSync(path.join(uploads, name), crypto.randomBytes(50_000 + crypto.randomInt(50_000)), { mode: 0o600 });
  return { name, sha: sha256(path.join(uploads, name)) };
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: server!.url("postgres") });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const tableChecksum = async () =>
  (await query<{ rows: number; md5: string }>(`SELECT count(*)::int AS rows, md5(string_agg(id || ':' || note, ',' ORDER BY id)) AS md5 FROM drill`))[0];

/** Photos kept as the photo store keeps them: bytea, uncompressed and out of line (TOAST). */
const photoChecksums = async () => await query<{ key: string; md5: string }>(`SELECT key, md5(data) AS md5 FROM drill_photo ORDER BY key`);

describe("backing up and restoring the embedded database and the photos", () => {
  // Four commands and three database starts: seconds on a quiet machine, more on a busy one.
  it("restores what was there at the backup, and only that, and refuses while running or when damaged", { timeout: 120_000 }, async () => {
    server = await startEmbeddedPostgres({ dataDir });
    await query(`CREATE TABLE drill (id int PRIMARY KEY, note text NOT NULL)`);
    await query(`INSERT INTO drill SELECT g, md5(g::text) FROM generate_series(1, 2000) g`);
    await query(`CREATE TABLE drill_photo (key text PRIMARY KEY, data bytea NOT NULL)`);
    await query(`ALTER TABLE drill_photo ALTER COLUMN data SET STORAGE EXTERNAL`);
    for (let i = 0; i < 3; i++)
      await query(`INSERT INTO drill_photo VALUES ($1, $2)`, [`${crypto.randomUUID()}.jpg`, crypto.randomBytes(200_000 + crypto.randomInt(400_000))]);
    const before = [photo(), photo(), photo()];
    // Files the import has moved aside are in the database: not copied again.
    fs.mkdirSync(path.join(uploads, "imported"));
    fs.writeFileSync(path.join(uploads, "imported", `${crypto.randomUUID()}.jpg`), crypto.randomBytes(1000));
    const atBackup = await tableChecksum();
    const photosAtBackup = await photoChecksums();

    // While the database runs, as while the portal serves.
    const backedUp = npmRun("backup");
    expect(backedUp.code, backedUp.output).toBe(0);
    const backups = fs.readdirSync(path.join(dataRoot, "backups"));
    expect(backups, "one backup, named by its time").toEqual([expect.stringMatching(/^linli-\d{8}T\d{6}Z$/)]);
    const backup = path.join(dataRoot, "backups", backups[0]);
    const manifest = JSON.parse(fs.readFileSync(path.join(backup, "manifest.json"), "utf8")) as { files: { path: string; sha256: string }[] };
    for (const p of before) expect(manifest.files, p.name).toContainEqual(expect.objectContaining({ path: `uploads/${p.name}`, sha256: p.sha }));
    expect(manifest.files.map((f) => f.path)).toContain("postgres/backup_label");
    expect(
      manifest.files.filter((f) => f.path.startsWith("uploads/")),
      "only files still waiting for the import",
    ).toHaveLength(before.length);

    // Later writes, which the restore must undo.
    await query(`INSERT INTO drill SELECT g, 'later' FROM generate_series(2001, 2100) g`);
    await query(`UPDATE drill SET note = 'changed' WHERE id = 1`);
    await query(`DELETE FROM drill_photo WHERE key = $1`, [photosAtBackup[0].key]);
    await query(`INSERT INTO drill_photo VALUES ($1, $2)`, [`${crypto.randomUUID()}.jpg`, crypto.randomBytes(300_000)]);
    const later = photo();
    fs.rmSync(path.join(uploads, before[0].name));

    const whileRunning = npmRun("restore", backup);
    expect(whileRunning.code, "refused while the database runs").not.toBe(0);
    expect(whileRunning.output).toMatch(/running/i);
    expect((await tableChecksum()).rows, "nothing restored").toBe(2100);
    await server.stop();
    server = undefined;

    // One flipped byte in the backup: refused, and the data in place is untouched.
    const control = path.join(backup, "postgres", "global", "pg_control");
    const original = fs.readFileSync(control);
    const damaged = Buffer.from(original);
    damaged[100] ^= 0xff;
    fs.writeFileSync(control, damaged);
    const refused = npmRun("restore", backup);
    expect(refused.code, "a damaged backup is refused").not.toBe(0);
    expect(refused.output).toContain("postgres/global/pg_control");
    expect(
      fs.readdirSync(dataRoot).filter((n) => n.includes("before-restore")),
      "nothing moved aside",
    ).toEqual([]);
    fs.writeFileSync(control, original);

    const restored = npmRun("restore", backup);
    expect(restored.code, restored.output).toBe(0);

    server = await startEmbeddedPostgres({ dataDir });
    expect(await tableChecksum(), "the table as it was at the backup").toEqual(atBackup);
    expect(await photoChecksums(), "the photos in the database as they were at the backup").toEqual(photosAtBackup);
    for (const p of before) expect(sha256(path.join(uploads, p.name)), p.name).toBe(p.sha);
    expect(fs.existsSync(path.join(uploads, later.name)), "a later photo is gone").toBe(false);
  });
});
