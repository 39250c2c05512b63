// Volume limits per person (src/domain/limits): placing orders, 同需, ratings and uploads are
// counted per person and refused with a clear message past their limit, writing nothing; a
// retried submission is not counted twice; an order carries at most 30 photos and a person
// stores at most 200 MB of them. Lowered limits come from the settings an operator would use.
import crypto from "node:crypto";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_PHOTOS_PER_ORDER, MAX_PHOTO_BYTES_PER_USER, type VolumeLimit } from "@/domain/limits/volume-limits";
import { acceptOrder, addInformation, addMeToo, completeOrder, rateOrder } from "@/domain/orders/commands";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { storePhoto } from "@/server/uploads/photos";
import { residentIn } from "../support/factories";
import { loopFixture, SERVICE } from "./orders/fixture";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const lowered: string[] = [];
async function lower(name: VolumeLimit, points: number) {
  const key = `limits.${name}`;
  lowered.push(key);
  await db.setting.upsert({ where: { key }, create: { key, value: points }, update: { value: points } });
}
afterEach(async () => {
  await db.setting.deleteMany({ where: { key: { in: lowered.splice(0) } } });
});

const photo = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: "#47a" } })
    .jpeg()
    .toBuffer();

describe("volume limits per person", () => {
  it("lets a resident place ten orders an hour; the eleventh is refused and writes nothing, a retry is not counted", async () => {
    const { people, place, map } = await loopFixture();
    const key = crypto.randomUUID();
    const first = await place(people.requester, { idempotencyKey: key });
    // The same form sent again: the same order, not another act.
    expect(await place(people.requester, { idempotencyKey: key })).toEqual({ ...first, duplicate: true });
    for (let i = 1; i < 10; i++) await place(people.requester);
    const notificationsBefore = await db.notification.count({ where: { userId: people.workerA1.userId } });

    const error = await refusal(place(people.requester));
    expect(error.code).toBe("throttled");
    expect(error.message).toBe("limits.placeOrder");
    expect(await db.order.count({ where: { requesterId: people.requester.userId } })).toBe(10);
    expect(await db.notification.count({ where: { userId: people.workerA1.userId } })).toBe(notificationsBefore);

    // Another resident is not held back by their neighbour's limit.
    const other = await residentIn(map.a1.id, "另一位居民");
    await expect(place(other)).resolves.toMatchObject({ duplicate: false });
  });

  it("refuses 同需 past its limit, and gives the count back when the act fails", async () => {
    const { people, place } = await loopFixture();
    await lower("meTooHour", 2);
    const orders = await Promise.all([0, 1, 2].map(async () => (await place(people.requester, { isPublic: true })).id));
    await addMeToo(people.neighbour, orders[0]);
    // Saying 同需 twice on one order fails and costs nothing.
    expect((await refusal(addMeToo(people.neighbour, orders[0]))).message).toBe("alreadyMeToo");
    await addMeToo(people.neighbour, orders[1]);
    expect((await refusal(addMeToo(people.neighbour, orders[2]))).message).toBe("limits.meToo");
    expect(await db.orderMeToo.count({ where: { orderId: orders[2] } })).toBe(0);
  });

  it("refuses a rating past its limit and leaves the order as it was", async () => {
    const { people, place } = await loopFixture();
    await lower("rateHour", 1);
    const done = async () => {
      const { id } = await place(people.requester, { categoryId: SERVICE });
      await acceptOrder(people.workerA1, id);
      await completeOrder(people.workerA1, id, { note: "已办好。" });
      return id;
    };
    const [a, b] = [await done(), await done()];
    const scores = { goal: 5, timing: 5, form: 5, conduct: 5, comment: "" };
    await rateOrder(people.requester, a, scores);
    const error = await refusal(rateOrder(people.requester, b, scores));
    expect(error.message).toBe("limits.rate");
    expect(await db.order.findUniqueOrThrow({ where: { id: b }, select: { status: true } })).toEqual({ status: "COMPLETED" });
    expect(await db.orderRating.count({ where: { orderId: b } })).toBe(0);
  });

  it("refuses uploads past the hour's limit and once a person's photos fill their storage", async () => {
    const { people } = await loopFixture();
    await lower("uploadHour", 2);
    await storePhoto(people.requester, await photo());
    await storePhoto(people.requester, await photo());
    expect((await refusal(storePhoto(people.requester, await photo()))).message).toBe("limits.upload");
    expect(await db.orderPhoto.count({ where: { uploaderId: people.neighbour.userId } })).toBe(0);

    await db.orderPhoto.create({
      data: {
        uploaderId: people.neighbour.userId,
        storageKey: `${crypto.randomUUID()}.jpg`,
        mimeType: "image/jpeg",
        width: 1,
        height: 1,
        bytes: MAX_PHOTO_BYTES_PER_USER,
      },
    });
    expect((await refusal(storePhoto(people.neighbour, await photo()))).message).toBe("limits.photoStorage");
    expect(await db.orderPhoto.count({ where: { uploaderId: people.neighbour.userId } })).toBe(1);
  });

  it(`lets an order carry ${MAX_PHOTOS_PER_ORDER} photos and refuses the next, attaching none of that step's`, async () => {
    const { people, place } = await loopFixture();
    const { id } = await place(people.requester);
    const uploaded = async (n: number) => {
      const ids = Array.from({ length: n }, () => `limits-photo-${crypto.randomUUID()}`);
      await db.orderPhoto.createMany({
        data: ids.map((photoId) => ({
          id: photoId,
          uploaderId: people.requester.userId,
          storageKey: `${crypto.randomUUID()}.jpg`,
          mimeType: "image/jpeg",
          width: 1,
          height: 1,
          bytes: 1000,
        })),
      });
      return ids;
    };
    for (let step = 0; step < MAX_PHOTOS_PER_ORDER / 6; step++)
      await addInformation(people.requester, id, { note: `补充 ${step}`, photoIds: await uploaded(6) });
    const extra = await uploaded(1);
    const events = await db.orderEvent.count({ where: { orderId: id } });
    expect((await refusal(addInformation(people.requester, id, { note: "再补一张", photoIds: extra }))).message).toBe("limits.photosPerOrder");
    expect(await db.orderPhoto.count({ where: { orderId: id } })).toBe(MAX_PHOTOS_PER_ORDER);
    expect(await db.orderPhoto.findUniqueOrThrow({ where: { id: extra[0] }, select: { orderId: true } })).toEqual({ orderId: null });
    expect(await db.orderEvent.count({ where: { orderId: id } })).toBe(events);
  });
});
