// Merging a duplicate must not open the surviving order to the duplicate's requester: they
// keep their own order's page, which tells them it was merged and how the other one moves
// on (status and steps, nothing anyone wrote), and they hear of each change.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { acceptOrder, addInformation, completeOrder, dispatchOrder, mergeOrder, rateOrder, recordProgress } from "@/domain/orders/commands";
import { getOrderDetail } from "@/features/orders/queries";
import { db } from "@/server/db/client";
import { readPhoto, storePhoto } from "@/server/uploads/photos";
import { loopFixture, tomorrow } from "./fixture";

const PRIVATE = "我家卫生间漏水到楼下，家里只有我和老伴";

/** B: a private order of the requester, with a photo; A: the neighbour's duplicate, merged into B. */
async function merged() {
  const fixture = await loopFixture();
  const { people, place } = fixture;
  const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#36c" } })
    .jpeg()
    .toBuffer();
  const photo = await storePhoto(people.requester, jpeg);
  const b = await place(people.requester, { title: "卫生间漏水", description: PRIVATE, isPublic: false, photoIds: [photo.id] });
  const a = await place(people.neighbour, { title: "楼上漏水", description: "天花板在滴水", isPublic: false });
  await mergeOrder(people.workerA1, a.id, { targetNumber: b.number, note: "同一处漏水" });
  return { ...fixture, a, b, photo };
}

describe("after a merge, the duplicate's requester", () => {
  it("cannot open the order theirs was merged into, nor its photos", async () => {
    const { people, b, photo } = await merged();
    expect(await getOrderDetail(people.neighbour, b.id)).toBeNull();
    expect(await readPhoto(people.neighbour, photo.id)).toBeNull();
    // The owner and the handlers still can.
    expect(await readPhoto(people.requester, photo.id)).not.toBeNull();
    expect((await getOrderDetail(people.workerA1, b.id))?.description).toBe(PRIVATE);
  });

  it("cannot act on it either", async () => {
    const { people, b } = await merged();
    await acceptOrder(people.workerA1, b.id);
    await dispatchOrder(people.secretaryA1, b.id, { plan: "请物业查漏", assignees: [{ kind: "OUTSIDE", name: "物业" }], dueAt: tomorrow() });
    await completeOrder(people.workerA1, b.id, { note: "已修好" });
    await expect(rateOrder(people.neighbour, b.id, { goal: 1, timing: 1, form: 1, conduct: 1, comment: "" })).rejects.toMatchObject({ code: "not_found" });
    await expect(addInformation(people.neighbour, b.id, { note: "补充" })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.orderRating.count({ where: { orderId: b.id } })).toBe(0);
  });

  it("follows it from their own order: status and steps, nothing anyone wrote", async () => {
    const { people, a, b } = await merged();
    await acceptOrder(people.workerA1, b.id);
    await dispatchOrder(people.secretaryA1, b.id, { plan: "王秀英家 5 单元 1704 查漏", assignees: [{ kind: "OUTSIDE", name: "物业" }], dueAt: tomorrow() });
    await recordProgress(people.workerA1, b.id, { note: "已联系王秀英，明早上门" });

    const mine = await getOrderDetail(people.neighbour, a.id);
    expect(mine?.mergedInto).toMatchObject({ number: b.number, status: "IN_PROGRESS", visible: false });
    expect(mine?.mergedInto?.progress.map((s) => s.type)).toEqual(["PLACED", "ACCEPTED", "DISPATCHED", "PROGRESS"]);
    // Nothing of B's requester, text or photos reaches the page (nor its RSC payload, built from this).
    const payload = JSON.stringify(mine);
    const requester = await db.user.findUniqueOrThrow({ where: { id: people.requester.userId } });
    const masked = `${requester.phone.slice(0, 3)}****${requester.phone.slice(-4)}`;
    for (const secret of [PRIVATE, "卫生间漏水", "王秀英", requester.phone, masked, "1704", "明早上门", b.id]) {
      expect(payload).not.toContain(secret);
    }
  });

  it("is told of the merge, and of every change of the surviving order", async () => {
    const { people, a, b } = await merged();
    await acceptOrder(people.workerA1, b.id);
    await dispatchOrder(people.secretaryA1, b.id, { plan: "查漏", assignees: [{ kind: "OUTSIDE", name: "物业" }], dueAt: tomorrow() });
    await completeOrder(people.workerA1, b.id, { note: "已修好" });
    const notes = await db.notification.findMany({ where: { userId: people.neighbour.userId }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => [n.kind, n.orderId, (n.params as { status?: string }).status ?? null])).toEqual([
      ["merged", a.id, null],
      ["mergedProgress", a.id, "ACCEPTED"],
      ["mergedProgress", a.id, "IN_PROGRESS"],
      ["mergedProgress", a.id, "COMPLETED"],
    ]);
    expect(JSON.stringify(notes)).not.toContain("卫生间漏水");
  });
});
