// `npm run backup`: a backup of the embedded database — photos included, as they are kept in it
// (docs/decisions/030-photo-store.md) — into .data/backups/linli-<UTC time>/ (LINLI_BACKUP_DIR or `-- --to <folder>` elsewhere), also while
// the portal runs. See docs/operations.md; with DATABASE_URL the database is backed up with that
// server's own tools instead.
import path from "node:path";
import { takeBackup } from "./lib/backup";
import { backupRoot, postgresDataDir, uploadDir } from "./lib/data-paths";

const say = (line: string) => process.stdout.write(`[backup] ${line}\n`);

async function main() {
  if (process.env.DATABASE_URL) {
    throw new Error("DATABASE_URL names a database of your own: back it up with pg_dump or pgBackRest (the photos are in it) — see docs/operations.md.");
  }
  const to = process.argv.indexOf("--to");
  const root = to > 0 && process.argv[to + 1] ? path.resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[to + 1]) : backupRoot();
  if ((process.env.LINLI_PHOTO_STORE ?? "").trim() === "s3") {
    say("LINLI_PHOTO_STORE=s3: the photos are in the bucket, not in this backup — keep the bucket versioned or replicated (docs/operations.md)");
  }
  const { dir, manifest } = await takeBackup({ dataDir: postgresDataDir(), uploadDir: uploadDir(), backupRoot: root, log: say });
  const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
  say(`written to ${dir}: ${manifest.files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, checksums in manifest.json`);
  say("keep a copy on another machine; restore with: npm run restore -- " + dir);
}

main().catch((error: Error) => {
  process.stderr.write(`[backup] ${error.message}\n`);
  process.exit(1);
});
