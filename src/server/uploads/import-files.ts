import "server-only";
// The one-off move of photos that earlier versions kept as files (LINLI_UPLOAD_DIR, default
// .data/uploads) into the photo store (docs/decisions/030-photo-store.md). `npm start` runs it
// when that folder holds photos; `npm run photos:import` runs it by hand. Nothing is deleted:
// a file is copied into the store, read back and compared, and only then moved into
// `imported/` beside it; a file that no photo row names goes to `unreferenced/`; anything
// else stays where it is. Run again, it finds only what is left, so a stop half-way loses
// nothing and the next run finishes the work.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "@/server/db/client";
import { photoStore, type PhotoStore } from "./store";
import { IMPORTED, PHOTO_KEY, UNREFERENCED } from "./store-config";

export type ImportReport = { imported: number; unreferenced: number; failed: string[]; left: string[] };

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

async function storedHash(store: PhotoStore, key: string): Promise<string | null> {
  const stored = await store.get(key);
  if (!stored) return null;
  const hash = crypto.createHash("sha256");
  for await (const part of stored.stream as unknown as AsyncIterable<Uint8Array>) hash.update(part);
  return hash.digest("hex");
}

/** The photo files at the top of `dir` (not those already moved aside). */
export async function photoFilesIn(dir: string): Promise<{ photos: string[]; left: string[] }> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { photos: [], left: [] };
    throw error;
  }
  const photos: string[] = [];
  const left: string[] = [];
  for (const entry of entries) {
    if (entry.isFile() && PHOTO_KEY.test(entry.name)) photos.push(entry.name);
    else if (!(entry.isDirectory() && (entry.name === IMPORTED || entry.name === UNREFERENCED))) left.push(entry.name);
  }
  return { photos: photos.sort(), left: left.sort() };
}

async function moveInto(dir: string, folder: string, name: string) {
  await fs.mkdir(path.join(dir, folder), { recursive: true, mode: 0o700 });
  await fs.rename(path.join(dir, name), path.join(dir, folder, name));
}

export async function importPhotoFiles(dir: string, log: (line: string) => void, store: PhotoStore = photoStore()): Promise<ImportReport> {
  const { photos, left } = await photoFilesIn(dir);
  const report: ImportReport = { imported: 0, unreferenced: 0, failed: [], left };
  for (let at = 0; at < photos.length; at += 200) {
    const batch = photos.slice(at, at + 200);
    const rows = await db.orderPhoto.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } });
    const named = new Set(rows.map((r) => r.storageKey));
    for (const name of batch) {
      try {
        if (!named.has(name)) {
          // Its row is gone (a failed upload, or a removed user's): nobody could be shown it.
          await moveInto(dir, UNREFERENCED, name);
          report.unreferenced++;
          continue;
        }
        const bytes = await fs.readFile(path.join(dir, name));
        await store.put(name, bytes);
        if ((await storedHash(store, name)) !== sha256(bytes)) throw new Error("the stored copy differs from the file");
        await moveInto(dir, IMPORTED, name);
        report.imported++;
      } catch (error) {
        report.failed.push(name);
        log(`${name}: not imported (${(error as Error).message}); it stays in ${dir} for the next run`);
      }
    }
    log(`${Math.min(at + batch.length, photos.length)} of ${photos.length} photo files done`);
  }
  return report;
}
