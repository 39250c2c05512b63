// `npm run restore -- <backup folder>`: puts a backup made by `npm run backup` back in place of
// the embedded database (photos included) and of photo files an older backup holds, which the next
// start moves into the database. Refuses while the portal runs and refuses a backup whose
// files differ from its manifest; the data it replaces is kept beside, named before-restore-<time>.
import fs from "node:fs";
import path from "node:path";
import { restoreBackup } from "./lib/backup";
import { backupRoot, postgresDataDir, uploadDir } from "./lib/data-paths";

const say = (line: string) => process.stdout.write(`[restore] ${line}\n`);

/** A path as the operator typed it (npm runs scripts from the project folder), or a backup's name. */
function backupFolder(arg: string): string {
  const typed = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  return fs.existsSync(typed) ? typed : path.join(backupRoot(), arg);
}

async function main() {
  if (process.env.DATABASE_URL) {
    throw new Error("DATABASE_URL names a database of your own: restore it with pg_restore or pgBackRest — see docs/operations.md.");
  }
  const arg = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!arg) {
    const found = fs.existsSync(backupRoot()) ? fs.readdirSync(backupRoot()).filter((n) => n.startsWith("linli-") && !n.endsWith(".partial")) : [];
    throw new Error(
      `Name the backup to restore: npm run restore -- <folder>\n` +
        (found.length ? `Backups in ${backupRoot()}:\n  ${found.sort().reverse().join("\n  ")}` : `There are no backups in ${backupRoot()}.`),
    );
  }
  const from = backupFolder(arg);
  const { manifest, kept } = await restoreBackup({ from, dataDir: postgresDataDir(), uploadDir: uploadDir(), log: say });
  say(`restored the backup of ${manifest.createdAt} (${manifest.files.length} files, checksums verified)`);
  if (kept.length) say(`the data it replaced is kept in:\n  ${kept.join("\n  ")}\n  (remove it once the portal runs as it should)`);
}

main().catch((error: Error) => {
  process.stderr.write(`[restore] ${error.message}\n`);
  process.exit(1);
});
