// The files of a backup: copying folders into it and out of it, and its manifest — every file
// with its size and SHA-256, so that a restore can refuse a backup that is not exactly as written.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const MANIFEST = "manifest.json";
const FORMAT = "linli-backup/1";

export type ManifestEntry = { path: string; size: number; sha256: string };
export type Manifest = {
  format: typeof FORMAT;
  createdAt: string;
  postgres: { version: string; startWal: string; stopWal: string; stopLsn: string };
  files: ManifestEntry[];
};

type CopyOptions = {
  /** Top-level folders copied empty (their contents are not part of a backup). */
  emptied?: Set<string>;
  skip?: (name: string) => boolean;
  /** Owner and modes for a restore: folders 0700, files 0600. */
  owner?: { uid: number; gid: number } | null;
  privateModes?: boolean;
};

/** Copies a folder tree. A file that vanishes meanwhile (a live database's) is skipped. */
export function copyTree(from: string, to: string, options: CopyOptions = {}, relative = ""): number {
  let files = 0;
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  if (options.privateModes) fs.chmodSync(to, 0o700);
  if (options.owner) fs.chownSync(to, options.owner.uid, options.owner.gid);
  if (options.emptied?.has(relative)) return 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(from, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  for (const entry of entries) {
    if (options.skip?.(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      files += copyTree(source, target, options, rel);
    } else if (entry.isFile()) {
      try {
        fs.copyFileSync(source, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw error;
      }
      if (options.privateModes) fs.chmodSync(target, 0o600);
      if (options.owner) fs.chownSync(target, options.owner.uid, options.owner.gid);
      files++;
    } else {
      throw new Error(`${source} is neither a file nor a folder (a tablespace link?); it cannot be backed up.`);
    }
  }
  return files;
}

function sha256(file: string): string {
  const hash = crypto.createHash("sha256");
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

/** Every entry below `dir` as a slash-separated path, files and anything else apart. */
function walk(dir: string, relative = "", found: { files: string[]; others: string[] } = { files: [], others: [] }) {
  for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(dir, rel, found);
    else if (entry.isFile()) found.files.push(rel);
    else found.others.push(rel);
  }
  return found;
}

export function writeManifest(dir: string, postgres: Manifest["postgres"]): Manifest {
  const files = walk(dir)
    .files.filter((rel) => rel !== MANIFEST)
    .sort()
    .map((rel) => ({ path: rel, size: fs.statSync(path.join(dir, rel)).size, sha256: sha256(path.join(dir, rel)) }));
  const manifest: Manifest = { format: FORMAT, createdAt: new Date().toISOString(), postgres, files };
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`, { mode: 0o600 });
  return manifest;
}

const REQUIRED = ["postgres/PG_VERSION", "postgres/backup_label", "postgres/global/pg_control", "postgres.password"];

/** The backup's manifest when every file is there as listed and nothing else is; otherwise an error naming what is wrong. */
export function verifyBackup(dir: string): Manifest {
  const fail = (problems: string[]) =>
    new Error(
      `The backup in ${dir} is damaged or incomplete and was not restored:\n  ${problems.slice(0, 12).join("\n  ")}${problems.length > 12 ? `\n  … and ${problems.length - 12} more` : ""}`,
    );
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8")) as Manifest;
  } catch {
    throw fail([`${MANIFEST}: missing or unreadable`]);
  }
  if (manifest?.format !== FORMAT || !Array.isArray(manifest.files)) throw fail([`${MANIFEST}: not a Linli backup manifest`]);
  const problems: string[] = [];
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const { files, others } = walk(dir);
  const present = new Set(files);
  for (const rel of others) problems.push(`${rel}: not a plain file`);
  for (const rel of files) if (rel !== MANIFEST && !listed.has(rel)) problems.push(`${rel}: not in the manifest`);
  for (const entry of manifest.files) {
    const file = path.join(dir, entry.path);
    if (entry.path.split("/").includes("..") || !present.has(entry.path)) problems.push(`${entry.path}: missing`);
    else if (fs.statSync(file).size !== entry.size) problems.push(`${entry.path}: size differs from the manifest`);
    else if (sha256(file) !== entry.sha256) problems.push(`${entry.path}: checksum differs from the manifest`);
  }
  for (const rel of REQUIRED) if (!listed.has(rel)) problems.push(`${rel}: not in the backup`);
  if (problems.length) throw fail(problems);
  return manifest;
}
