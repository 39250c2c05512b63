// Where `npm start` keeps its data, shared by the start, backup and restore commands:
// LINLI_DATA_DIR (default .data/) holds the embedded database and, unless LINLI_UPLOAD_DIR
// says otherwise, the uploaded photos.
import path from "node:path";
import { resolveDataDir } from "./embedded-postgres";

const root = path.resolve(import.meta.dirname, "../..");

export function dataRoot(): string {
  return path.resolve(process.env.LINLI_DATA_DIR || path.join(root, ".data"));
}

/** The embedded PostgreSQL's data directory (elsewhere when the postgres user cannot reach .data/). */
export const postgresDataDir = () => resolveDataDir(path.join(dataRoot(), "postgres"));

export const uploadDir = () => path.resolve(process.env.LINLI_UPLOAD_DIR || path.join(dataRoot(), "uploads"));

export const backupRoot = () => path.resolve(process.env.LINLI_BACKUP_DIR || path.join(dataRoot(), "backups"));
