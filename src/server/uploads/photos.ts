import "server-only";
// Order photos (QUALITY.md §7). Uploads are sniffed by content, never by name; only JPEG,
// PNG, WebP and HEIC/HEIF that sharp can decode are accepted; SVG and pixel floods are
// refused before decoding. Every photo is re-encoded to a plain JPEG (auto-rotated, at most
// 2048 px on the long side, all metadata — EXIF, GPS, XMP, ICC — dropped) and stored outside
// public/ under a server-made name. Photos are served only to those who may see their order.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { fileTypeFromBuffer } from "file-type";
import { openableWhere } from "@/domain/orders/board";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { spendVolume } from "@/domain/limits/spend";
import { MAX_PHOTO_BYTES_PER_USER } from "@/domain/limits/volume-limits";
import { AppError } from "@/server/errors";

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Decoded size above which an image is refused (a 48 MP phone camera stays below 50 MP). */
export const MAX_PHOTO_PIXELS = 50_000_000;
/** Long side of the stored JPEG. */
export const MAX_PHOTO_EDGE = 2048;
/** Photos a user may hold that no order uses yet, so that nobody can fill the disk. */
export const MAX_UNATTACHED_PHOTOS = 30;

/** Why an upload is refused: keys of the "errors" messages, said in the uploader's language. */
export const photoErrors = {
  tooLarge: "photoTooLarge",
  unsupported: "photoUnsupported",
  tooManyPixels: "photoTooManyPixels",
  undecodable: "photoUndecodable",
  tooManyUnattached: "photoTooManyUnattached",
} as const;

/** Sniffed MIME type → the sharp decoder that must agree with it. */
const accepted: Record<string, string> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/webp": "webp",
  "image/heic": "heif",
  "image/heif": "heif",
};

const storageKeyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jpg$/;

export function uploadDir(): string {
  return process.env.LINLI_UPLOAD_DIR || path.join(process.cwd(), ".data", "uploads");
}

const invalid = (message: string) => new AppError("invalid_input", message);

function decoder(bytes: Buffer) {
  // limitInputPixels makes libvips refuse a flood itself, even if the header check is fooled;
  // the timeout bounds the CPU one upload may take.
  return sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "error", pages: 1 });
}

/** Checks, cleans and stores one uploaded photo; it stays unattached until an order uses it. */
export async function storePhoto(actor: Actor, bytes: Buffer): Promise<{ id: string; width: number; height: number }> {
  if (bytes.length > MAX_PHOTO_BYTES) throw invalid(photoErrors.tooLarge);
  if (bytes.length === 0) throw invalid(photoErrors.undecodable);

  const type = await fileTypeFromBuffer(bytes);
  const expected = type ? accepted[type.mime] : undefined;
  if (!expected) throw invalid(photoErrors.unsupported);

  const [unattached, stored] = await Promise.all([
    db.orderPhoto.count({ where: { uploaderId: actor.userId, orderId: null } }),
    db.orderPhoto.aggregate({ where: { uploaderId: actor.userId }, _sum: { bytes: true } }),
  ]);
  if (unattached >= MAX_UNATTACHED_PHOTOS) throw invalid(photoErrors.tooManyUnattached);
  if ((stored._sum.bytes ?? 0) >= MAX_PHOTO_BYTES_PER_USER) throw new AppError("invalid_input", "limits.photoStorage");
  await spendVolume(actor.userId, "uploadHour");

  // The header only: refuse floods before a single pixel is decoded.
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false, pages: 1 }).metadata();
  } catch {
    throw invalid(photoErrors.undecodable);
  }
  if (metadata.format !== expected) throw invalid(photoErrors.undecodable);
  if (!metadata.width || !metadata.height) throw invalid(photoErrors.undecodable);
  if (metadata.width * metadata.height > MAX_PHOTO_PIXELS) throw invalid(photoErrors.tooManyPixels);

  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await decoder(bytes)
      .rotate() // by the EXIF orientation, which is then dropped with the rest of the metadata
      .resize({ width: MAX_PHOTO_EDGE, height: MAX_PHOTO_EDGE, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 82 })
      .timeout({ seconds: 20 })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw invalid(photoErrors.tooManyPixels);
    throw invalid(photoErrors.undecodable);
  }

  const dir = uploadDir();
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const storageKey = `${crypto.randomUUID()}.jpg`;
  const file = path.join(dir, storageKey);
  await fs.writeFile(file, output.data, { mode: 0o600, flag: "wx" });
  try {
    const photo = await db.orderPhoto.create({
      data: {
        uploaderId: actor.userId,
        storageKey,
        mimeType: "image/jpeg",
        width: output.info.width,
        height: output.info.height,
        bytes: output.data.length,
      },
      select: { id: true, width: true, height: true },
    });
    return photo;
  } catch (error) {
    await fs.rm(file, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The stored JPEG if the actor may see it; null (answered as 404) otherwise or if it is missing. */
export async function readPhoto(actor: Actor | null, id: string): Promise<{ body: Buffer; mimeType: string } | null> {
  if (!actor || typeof id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  const photo = await db.orderPhoto.findUnique({
    where: { id },
    select: { orderId: true, uploaderId: true, storageKey: true, mimeType: true },
  });
  if (!photo) return null;

  if (photo.orderId === null) {
    if (photo.uploaderId !== actor.userId) return null;
  } else {
    // The orders whose photos the actor may see: those they may open (order.view, their board).
    const visible = await db.order.count({ where: { AND: [{ id: photo.orderId }, openableWhere(actor)] } });
    if (visible !== 1) return null;
  }

  // Keys are made by storePhoto; anything else in the row is never turned into a path.
  if (!storageKeyPattern.test(photo.storageKey)) return null;
  try {
    const body = await fs.readFile(path.join(uploadDir(), photo.storageKey));
    return { body, mimeType: photo.mimeType };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
