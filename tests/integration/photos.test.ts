import crypto from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { MAX_UNATTACHED_PHOTOS, readPhoto, removeStaleUnattachedPhotos, storePhoto, UNATTACHED_PHOTO_HOURS } from "@/server/uploads/photos";
import { SLICE_BYTES } from "@/server/uploads/postgres-store";
import { photoStore, type PhotoStore } from "@/server/uploads/store";
import { buildMap } from "../support/factories";
import { floodPng } from "../support/images";

type Scope = { role: Role; communityId?: string; gridId?: string; courtyardId?: string };

async function makeActor(roles: Scope[] = []): Promise<Actor> {
  const phone = `17${String(crypto.randomInt(1e9)).padStart(9, "0")}`;
  const user = await db.user.create({
    data: { phone, passwordHash: "x", name: "测试", roles: { create: roles } },
  });
  return {
    userId: user.id,
    sessionId: "s",
    name: "测试",
    phone,
    mustChangePassword: false,
    roles: roles.map((r) => ({
      role: r.role,
      communityId: r.communityId ?? null,
      gridId: r.gridId ?? null,
      courtyardId: r.courtyardId ?? null,
    })),
  };
}

/** Every key in the photo store (PostgreSQL, as configured by default). */
const storedFiles = async () => (await db.photoBlob.findMany({ select: { key: true } })).map((b) => b.key).sort();

/** What a stream yields, and in how many pieces. */
async function drain(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Buffer; pieces: number }> {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return { bytes: Buffer.concat(parts), pieces: parts.length };
}

const storedBytes = async (key: string) => Buffer.from((await db.photoBlob.findUniqueOrThrow({ where: { key } })).data);

/** A photo as a phone takes it: sideways (EXIF orientation 6), with a GPS position. */
const phonePhoto = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: "#c33" } })
    .withExif({ IFD0: { Make: "TestPhone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "30/1 39/1 0/1" } })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();

/** An order of the requester's in courtyard a1, written directly (its category of its own). */
async function orderOf(map: Awaited<ReturnType<typeof buildMap>>, requester: Actor, title: string, description: string) {
  const tag = crypto.randomBytes(4).toString("hex");
  const category = await db.orderCategory.create({
    data: { code: `photo-${tag}`, nameZh: `测试${tag}`, nameEn: `Test ${tag}`, responseHours: 24, resolutionDays: 7 },
  });
  const due = new Date(Date.now() + 86_400_000);
  return db.order.create({
    data: {
      categoryId: category.id,
      courtyardId: map.a1.id,
      gridId: map.A1.id,
      communityId: map.A.id,
      requesterId: requester.userId,
      placedById: requester.userId,
      title,
      description,
      responseDueAt: due,
      resolutionDueAt: due,
      dueAt: due,
      idempotencyKey: crypto.randomUUID(),
      payloadHash: "x",
    },
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("invalid_input");
  return error as AppError;
}

describe("storing an uploaded photo", () => {
  it("re-encodes a phone photo as an upright JPEG with no EXIF or GPS, under a server-made name", async () => {
    const actor = await makeActor();
    const input = await phonePhoto();
    const before = await sharp(input).metadata();
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // GPS IFD pointer (tag 0x8825) present
    expect(before.orientation).toBe(6);

    const photo = await storePhoto(actor, input);
    expect(photo).toEqual({ id: expect.any(String), width: 200, height: 300 });

    const row = await db.orderPhoto.findUniqueOrThrow({ where: { id: photo.id } });
    expect(row).toMatchObject({ uploaderId: actor.userId, orderId: null, mimeType: "image/jpeg", width: 200, height: 300 });
    expect(row.storageKey).toMatch(/^[0-9a-f-]{36}\.jpg$/);

    const stored = await storedBytes(row.storageKey);
    expect(row.bytes).toBe(stored.length);
    const after = await sharp(stored).metadata();
    expect(after.format).toBe("jpeg");
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect([after.width, after.height]).toEqual([200, 300]);
    expect(stored.includes(Buffer.from("TestPhone"))).toBe(false);
  });

  it("shrinks a large photo to 2048 px on the long side and accepts PNG and WebP", async () => {
    const actor = await makeActor();
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#3a6" } })
      .jpeg()
      .toBuffer();
    expect(await storePhoto(actor, big)).toMatchObject({ width: 2048, height: 1536 });
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: "#00f8" } })
      .png()
      .toBuffer();
    expect(await storePhoto(actor, png)).toMatchObject({ width: 40, height: 30 });
    const webp = await sharp({ create: { width: 30, height: 40, channels: 3, background: "#888" } })
      .webp()
      .toBuffer();
    expect(await storePhoto(actor, webp)).toMatchObject({ width: 30, height: 40 });
  });

  it("refuses HTML or text dressed up as a photo, and SVG, whatever the name", async () => {
    const actor = await makeActor();
    const files = await storedFiles();
    const html = Buffer.from('<html><body><script>alert("x")</script></body></html>');
    expect((await refusal(storePhoto(actor, html))).message).toBe("photoUnsupported");
    expect((await refusal(storePhoto(actor, Buffer.from("just some text, saved as photo.png")))).message).toBe("photoUnsupported");
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect((await refusal(storePhoto(actor, svg))).message).toBe("photoUnsupported");
    const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    expect((await refusal(storePhoto(actor, gif))).message).toBe("photoUnsupported");
    // A real PNG header cut off in the middle of its pixel data sniffs as PNG but does not decode.
    const noise = crypto.randomBytes(64 * 64 * 3);
    const whole = await sharp(noise, { raw: { width: 64, height: 64, channels: 3 } })
      .png()
      .toBuffer();
    const broken = whole.subarray(0, Math.floor(whole.length / 2));
    expect((await refusal(storePhoto(actor, broken))).message).toBe("photoUndecodable");
    expect(await storedFiles()).toEqual(files);
    expect(await db.orderPhoto.count({ where: { uploaderId: actor.userId } })).toBe(0);
  });

  it("refuses a file over 10 MB before looking at it", async () => {
    const actor = await makeActor();
    const jpeg = await phonePhoto();
    const huge = Buffer.concat([jpeg, Buffer.alloc(11 * 1024 * 1024 - jpeg.length)]);
    expect((await refusal(storePhoto(actor, huge))).message).toBe("photoTooLarge");
  });

  it("refuses a 20000 × 20000 pixel flood without decoding it, and stores nothing", async () => {
    const actor = await makeActor();
    const files = await storedFiles();
    const flood = await floodPng(20_000, 20_000);
    expect(flood.length).toBeLessThan(200);
    expect(await sharp(flood, { limitInputPixels: false }).metadata()).toMatchObject({ format: "png", width: 20_000, height: 20_000 });
    const started = Date.now();
    expect((await refusal(storePhoto(actor, flood))).message).toBe("photoTooManyPixels");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await storedFiles()).toEqual(files);
    expect(await db.orderPhoto.count({ where: { uploaderId: actor.userId } })).toBe(0);
  });

  it("limits how many unattached photos one user may hold", async () => {
    const actor = await makeActor();
    await db.orderPhoto.createMany({
      data: Array.from({ length: MAX_UNATTACHED_PHOTOS }, () => ({
        uploaderId: actor.userId,
        storageKey: `${crypto.randomUUID()}.jpg`,
        mimeType: "image/jpeg",
        width: 1,
        height: 1,
        bytes: 1,
      })),
    });
    const files = await storedFiles();
    expect((await refusal(storePhoto(actor, await phonePhoto()))).message).toBe("photoTooManyUnattached");
    expect(await storedFiles()).toEqual(files);
  });

  it("stores no bytes when the row cannot be inserted", async () => {
    const actor = await makeActor();
    await db.user.delete({ where: { id: actor.userId } }); // the row's foreign key now fails
    const files = await storedFiles();
    await expect(storePhoto(actor, await phonePhoto())).rejects.toThrow();
    expect(await storedFiles()).toEqual(files);
  });

  it("removes the row again when the store refuses the bytes", async () => {
    const actor = await makeActor();
    const refusing: PhotoStore = { ...photoStore(), put: () => Promise.reject(new Error("store unreachable")) };
    await expect(storePhoto(actor, await phonePhoto(), refusing)).rejects.toThrow("store unreachable");
    expect(await db.orderPhoto.count({ where: { uploaderId: actor.userId } })).toBe(0);
  });
});

describe("reading a photo", () => {
  it("serves an unattached photo to its uploader only", async () => {
    const uploader = await makeActor();
    const other = await makeActor([{ role: "ADMIN" }]);
    const { id } = await storePhoto(uploader, await phonePhoto());

    const mine = await readPhoto(uploader, id);
    expect(mine?.mimeType).toBe("image/jpeg");
    const { bytes } = await drain(mine!.stream);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(mine?.size).toBe(bytes.length);
    expect(await readPhoto(other, id)).toBeNull();
    expect(await readPhoto(null, id)).toBeNull();
    expect(await readPhoto(uploader, "no-such-photo")).toBeNull();
    expect(await readPhoto(uploader, "../../etc/passwd")).toBeNull();
  });

  it("serves an attached photo to those who may see the order, and public ones to the courtyard's residents", async () => {
    const map = await buildMap();
    const requester = await makeActor([{ role: "RESIDENT", courtyardId: map.a1.id }]);
    const neighbour = await makeActor([{ role: "RESIDENT", courtyardId: map.a1.id }]);
    const elsewhere = await makeActor([{ role: "RESIDENT", courtyardId: map.a2.id }]);
    const worker = await makeActor([{ role: "GRID_WORKER", gridId: map.A1.id }]);
    const otherWorker = await makeActor([{ role: "GRID_WORKER", gridId: map.B1.id }]);
    const staffB = await makeActor([{ role: "STAFF", communityId: map.B.id }]);

    const order = await orderOf(map, requester, "楼道灯坏了", "三单元楼道灯不亮");
    const { id } = await storePhoto(requester, await phonePhoto());
    // As the order service attaches it.
    const attached = await db.orderPhoto.updateMany({
      where: { id: { in: [id] }, uploaderId: requester.userId, orderId: null },
      data: { orderId: order.id },
    });
    expect(attached.count).toBe(1);

    const sees = async (actor: Actor) => (await readPhoto(actor, id)) !== null;
    expect(await sees(requester)).toBe(true);
    expect(await sees(worker)).toBe(true);
    expect(await sees(neighbour)).toBe(false);
    expect(await sees(elsewhere)).toBe(false);
    expect(await sees(otherWorker)).toBe(false);
    expect(await sees(staffB)).toBe(false);

    await db.order.update({ where: { id: order.id }, data: { isPublic: true } });
    expect(await sees(neighbour)).toBe(true);
    expect(await sees(elsewhere)).toBe(false);
    expect(await sees(otherWorker)).toBe(false);
  });
});

describe("the photo store", () => {
  it("streams a large photo in slices, byte for byte as stored", async () => {
    const uploader = await makeActor();
    // Noise does not compress: a JPEG of several slices.
    const noise = crypto.randomBytes(1600 * 1200 * 3);
    const big = await sharp(noise, { raw: { width: 1600, height: 1200, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    const { id } = await storePhoto(uploader, big);
    const row = await db.orderPhoto.findUniqueOrThrow({ where: { id } });
    expect(row.bytes).toBeGreaterThan(2 * SLICE_BYTES);

    const photo = await readPhoto(uploader, id);
    expect(photo?.size).toBe(row.bytes);
    const { bytes, pieces } = await drain(photo!.stream);
    expect(pieces).toBe(Math.ceil(row.bytes / SLICE_BYTES));
    expect(bytes.equals(await storedBytes(row.storageKey))).toBe(true);
  });

  it("answers a photo whose bytes are missing as not found", async () => {
    const uploader = await makeActor();
    const { id } = await storePhoto(uploader, await phonePhoto());
    const row = await db.orderPhoto.findUniqueOrThrow({ where: { id } });
    await photoStore().delete(row.storageKey);
    expect(await readPhoto(uploader, id)).toBeNull();
  });

  it(`removes photos left unattached for ${UNATTACHED_PHOTO_HOURS} hours, with their bytes, and keeps the rest`, async () => {
    const map = await buildMap();
    const uploader = await makeActor([{ role: "RESIDENT", courtyardId: map.a1.id }]);
    const old = await storePhoto(uploader, await phonePhoto());
    const recent = await storePhoto(uploader, await phonePhoto());
    const used = await storePhoto(uploader, await phonePhoto());
    const order = await orderOf(map, uploader, "旧照片", "清理测试");
    const longAgo = new Date(Date.now() - (UNATTACHED_PHOTO_HOURS + 1) * 3_600_000);
    await db.orderPhoto.updateMany({ where: { id: { in: [old.id, used.id] } }, data: { createdAt: longAgo } });
    await db.orderPhoto.update({ where: { id: used.id }, data: { orderId: order.id } });
    const keyOf = async (id: string) => (await db.orderPhoto.findUniqueOrThrow({ where: { id } })).storageKey;
    const oldKey = await keyOf(old.id);

    expect(await removeStaleUnattachedPhotos()).toBeGreaterThanOrEqual(1);
    expect(await db.orderPhoto.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await photoStore().get(oldKey)).toBeNull();
    for (const kept of [recent.id, used.id]) expect(await readPhoto(uploader, kept), kept).not.toBeNull();
    expect(await removeStaleUnattachedPhotos(), "a second run finds nothing").toBe(0);
  });
});
