import "server-only";
// Order photos (docs/security.md). Uploads are sniffed by content, never by name; only JPEG,
// PNG, WebP and HEIC/HEIF that sharp can decode are accepted; SVG and pixel floods are
// refused before decoding. Every photo is re-encoded to a plain JPEG (auto-rotated, at most
// 2048 px on the long side, all metadata — EXIF, GPS, XMP, ICC — dropped) and kept in the photo
// store (./store.ts: PostgreSQL or an S3-compatible bucket, never public/) under a server-made
// key. Photos are served only to those who may see their order.
import crypto from "node:crypto";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { fileTypeFromBuffer } from "file-type";
import { openableWhere } from "@/domain/orders/board";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { spendVolume } from "@/domain/limits/spend";
import { MAX_PHOTO_BYTES_PER_USER } from "@/domain/limits/volume-limits";
import { AppError } from "@/server/errors";
import { photoStore, type PhotoStore } from "./store";
import { PHOTO_KEY } from "./store-config";

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Decoded size above which an image is refused (a 48 MP phone camera stays below 50 MP). */
export const MAX_PHOTO_PIXELS = 50_000_000;
/** Long side of the stored JPEG. */
export const MAX_PHOTO_EDGE = 2048;
/** Photos a user may hold that no order uses yet, so that nobody can fill the disk. */
export const MAX_UNATTACHED_PHOTOS = 30;
/** How long an uploaded photo may wait for the form that uses it before the housekeeping removes it. */
export const UNATTACHED_PHOTO_HOURS = 24;

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

const invalid = (message: string) => new AppError("invalid_input", message);

function decoder(bytes: Buffer) {
  // limitInputPixels makes libvips refuse a flood itself, even if the header check is fooled;
  // the timeout bounds the CPU one upload may take.
  return sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "error", pages: 1 });
}

/** Checks, cleans and stores one uploaded photo; it stays unattached until an order uses it. */
export async function storePhoto(actor: Actor, bytes: Buffer, store: PhotoStore = photoStore()): Promise<{ id: string; width: number; height: number }> {
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

  // The row first: bytes never sit in the store without a row that names them (a crash between
  // the two leaves a row without bytes, which the housekeeping removes with the unattached ones).
  const storageKey = `${crypto.randomUUID()}.jpg`;
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
  try {
    await store.put(storageKey, output.data);
  } catch (error) {
    await db.orderPhoto.deleteMany({ where: { id: photo.id } }).catch(() => undefined);
    throw error;
  }
  return photo;
}

export type ServedPhoto = { mimeType: string; size: number; stream: ReadableStream<Uint8Array> };

/** The stored JPEG, as a stream, if the actor may see it; null (answered as 404) otherwise or if it is missing. */
export async function readPhoto(actor: Actor | null, id: string, store: PhotoStore = photoStore()): Promise<ServedPhoto | null> {
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

  // Keys are made by storePhoto; anything else in the row is never handed to the store.
  if (!PHOTO_KEY.test(photo.storageKey)) return null;
  const stored = await store.get(photo.storageKey);
  return stored && { mimeType: photo.mimeType, size: stored.size, stream: stored.stream };
}

/**
 * Removes photos uploaded more than UNATTACHED_PHOTO_HOURS ago that no order uses (a form left
 * unsent), so that they no longer count against their uploader's limits. Each row is deleted
 * only while still unattached, so a form sent meanwhile keeps its photos; in PostgreSQL the
 * bytes go with the row, in a bucket they are deleted after it (a failure is logged, and the
 * object stays behind unreachable).
 */
export async function removeStaleUnattachedPhotos(now = new Date(), store: PhotoStore = photoStore()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNATTACHED_PHOTO_HOURS * 3_600_000);
  let removed = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ storageKey: string }[]>`
      DELETE FROM "OrderPhoto" WHERE "orderId" IS NULL AND id IN (
        SELECT id FROM "OrderPhoto" WHERE "orderId" IS NULL AND "createdAt" < ${cutoff} LIMIT 500
      ) RETURNING "storageKey"`;
    removed += rows.length;
    if (store.kind !== "postgres") {
      for (const { storageKey } of rows) {
        if (!PHOTO_KEY.test(storageKey)) continue;
        await store.delete(storageKey).catch((error: Error) => console.error("[housekeeping] photo", storageKey, error.message));
      }
    }
    if (rows.length < 500) return removed;
  }
}
