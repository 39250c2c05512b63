// The one-off move of photo files kept on disk by earlier versions into the photo store
// (src/server/uploads/import-files.ts, `npm run photos:import`, run by `npm start`): every
// photo a row names ends up in the store byte for byte and is then served; no file is deleted;
// a second run changes nothing; a file the store refused stays for the next run.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { importPhotoFiles } from "@/server/uploads/import-files";
import { readPhoto } from "@/server/uploads/photos";
import { photoStore, type PhotoStore } from "@/server/uploads/store";

const repo = path.resolve(import.meta.dirname, "../..");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-old-uploads-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function uploader(): Promise<Actor> {
  const phone = `16${String(crypto.randomInt(1e9)).padStart(9, "0")}`;
  const user = await db.user.create({ data: { phone, passwordHash: "x", name: "旧照片" } });
  return { userId: user.id, sessionId: "s", name: "旧照片", phone, mustChangePassword: false, roles: [] };
}

/** A photo as an earlier version left it: a file under its key, and its row. */
async function oldPhoto(actor: Actor, withRow = true): Promise<{ id?: string; key: string; sha: string }> {
  const key = `${crypto.randomUUID()}.jpg`;
  const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: `#${crypto.randomBytes(3).toString("hex")}` } })
    .jpeg()
    .toBuffer();
  fs.writeFileSync(path.join(dir, key), bytes, { mode: 0o600 });
  const sha = crypto.createHash("sha256").update(bytes).digest("hex");
  if (!withRow) return { key, sha };
  const row = await db.orderPhoto.create({
    data: { uploaderId: actor.userId, storageKey: key, mimeType: "image/jpeg", width: 64, height: 48, bytes: bytes.length },
  });
  return { id: row.id, key, sha };
}

async function served(actor: Actor, id: string): Promise<string | null> {
  const photo = await readPhoto(actor, id);
  if (!photo) return null;
  const hash = crypto.createHash("sha256");
  for await (const part of photo.stream as unknown as AsyncIterable<Uint8Array>) hash.update(part);
  return hash.digest("hex");
}

/** Every file below the folder, as relative paths. */
const filesBelow = (root: string): string[] =>
  fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();

describe("moving photo files from disk into the photo store", () => {
  it("imports what rows name, keeps every file, and a second run changes nothing", async () => {
    const actor = await uploader();
    const photos = [await oldPhoto(actor), await oldPhoto(actor), await oldPhoto(actor)];
    const orphan = await oldPhoto(actor, false);
    fs.writeFileSync(path.join(dir, "README.txt"), "not a photo");
    for (const p of photos) expect(await served(actor, p.id!), "not served before the import").toBeNull();

    // The store refuses one file: it stays where it was, and the others go ahead.
    const store = photoStore();
    const refusing: PhotoStore = {
      ...store,
      put: (key, body) => (key === photos[1].key ? Promise.reject(new Error("store unreachable")) : store.put(key, body)),
    };
    const lines: string[] = [];
    const first = await importPhotoFiles(dir, (line) => lines.push(line), refusing);
    expect(first).toEqual({ imported: 2, unreferenced: 1, failed: [photos[1].key], left: ["README.txt"] });
    expect(lines.join("\n")).toContain(`${photos[1].key}: not imported (store unreachable)`);
    expect(fs.existsSync(path.join(dir, photos[1].key)), "the refused file stays for the next run").toBe(true);

    const second = await importPhotoFiles(dir, () => undefined);
    expect(second).toEqual({ imported: 1, unreferenced: 0, failed: [], left: ["README.txt"] });
    for (const p of photos) expect(await served(actor, p.id!), p.key).toBe(p.sha);
    expect(filesBelow(dir)).toEqual(["README.txt", `unreferenced/${orphan.key}`, ...photos.map((p) => `imported/${p.key}`)].sort());

    expect(await importPhotoFiles(dir, () => undefined)).toEqual({ imported: 0, unreferenced: 0, failed: [], left: ["README.txt"] });
    expect(await db.photoBlob.count({ where: { key: orphan.key } }), "a file no row names is not stored").toBe(0);
  });

  it("runs as `npm run photos:import` against the portal's database", { timeout: 60_000 }, async () => {
    const actor = await uploader();
    const p = await oldPhoto(actor);
    const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/import-photos.ts"], {
      cwd: repo,
      env: { ...process.env, LINLI_UPLOAD_DIR: dir },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(result.stdout).toContain("1 photo(s) now in the photo store");
    expect(await served(actor, p.id!)).toBe(p.sha);
  });
});
