// The courtyard's public board (院落公示): neighbours read public orders with door numbers and
// phone numbers masked; staff may hide a post with a reason — through the order's single
// writer, with a timeline event and an audit row — and restore it; the requester is told.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { addInformation, addMeToo, rateOrder, acceptOrder, completeOrder } from "@/domain/orders/commands";
import { hideFromBoard, restoreToBoard } from "@/domain/orders/commands";
import { getOrderDetail, publicBoard } from "@/features/orders/queries";
import { boardPosts } from "@/features/staff/queries";
import { db } from "@/server/db/client";
import { readPhoto, storePhoto } from "@/server/uploads/photos";
import { loopFixture, SERVICE } from "./fixture";

const TITLE = "住1栋1单元302 漏水";
const DESCRIPTION = "我家住１栋１单元３０２室，电话 138 0000 0007，楼上5楼502一直滴水。";

async function publicPost() {
  const fixture = await loopFixture();
  const { people, place } = fixture;
  const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a3" } })
    .jpeg()
    .toBuffer();
  const photo = await storePhoto(people.requester, jpeg);
  const order = await place(people.requester, { categoryId: SERVICE, title: TITLE, description: DESCRIPTION, isPublic: true, photoIds: [photo.id] });
  return { ...fixture, order, photo };
}

const onBoard = async (actor: Parameters<typeof publicBoard>[0], id: string) => (await publicBoard(actor)).items.find((i) => i.id === id);

describe("what the board publishes", () => {
  it("masks door numbers and phone numbers for neighbours, keeps the building", async () => {
    const { people, order } = await publicPost();
    await addInformation(people.requester, order.id, { note: "补充：302室门口也湿了，可打1380000000７" });
    const item = await onBoard(people.neighbour, order.id);
    expect(item?.title).toBe("住1栋1单元*** 漏水");
    expect(item?.description).toBe("我家住１栋１单元***室，电话 138****0007，楼上5楼***一直滴水。");

    const seen = await getOrderDetail(people.neighbour, order.id);
    const text = JSON.stringify(seen);
    for (const secret of ["302", "３０２", "502", "0000 0007", "13800000007", "1380000000７"]) expect(text).not.toContain(secret);
    expect(seen?.title).toBe("住1栋1单元*** 漏水");

    // The requester and the handlers read it as written.
    expect((await getOrderDetail(people.requester, order.id))?.description).toBe(DESCRIPTION);
    expect((await getOrderDetail(people.workerA1, order.id))?.description).toBe(DESCRIPTION);
    // The requester's own card on the board shows what neighbours read.
    expect((await onBoard(people.requester, order.id))?.title).toBe("住1栋1单元*** 漏水");
  });
});

describe("staff hiding a public post", () => {
  it("takes it off the board with a reason, tells the requester, logs it; restoring brings it back", async () => {
    const { map, people, order, photo } = await publicPost();
    await hideFromBoard(people.staffA, order.id, { note: "含门牌号和电话" });

    expect(await onBoard(people.neighbour, order.id)).toBeUndefined();
    expect(await getOrderDetail(people.neighbour, order.id)).toBeNull();
    expect(await readPhoto(people.neighbour, photo.id)).toBeNull();
    await expect(addMeToo(people.neighbour, order.id)).rejects.toMatchObject({ code: "not_found" });

    const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row).toMatchObject({ status: "PLACED", isPublic: true });
    expect(row.boardHiddenAt).not.toBeNull();
    const events = await db.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.type, e.actorId, e.note])).toEqual([
      ["PLACED", people.requester.userId, ""],
      ["BOARD_HIDDEN", people.staffA.userId, "含门牌号和电话"],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: order.id, action: "order.hideFromBoard" } });
    expect(audit).toMatchObject({ actorId: people.staffA.userId, communityId: map.A.id, entityType: "order" });
    expect(JSON.stringify(audit)).not.toContain("13800000007");
    const told = await db.notification.findFirstOrThrow({ where: { userId: people.requester.userId, orderId: order.id, kind: "boardHidden" } });
    expect(told.params).toMatchObject({ number: order.number, reason: "含门牌号和电话" });

    // The requester still follows it, and sees that it is hidden; the work goes on.
    expect(await getOrderDetail(people.requester, order.id)).toMatchObject({ boardHidden: true });
    await acceptOrder(people.workerA1, order.id);

    await restoreToBoard(people.staffA, order.id, { note: "居民已修改" });
    expect(await onBoard(people.neighbour, order.id)).toBeDefined();
    expect(await db.auditLog.count({ where: { entityId: order.id, action: "order.restoreToBoard" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: people.requester.userId, orderId: order.id, kind: "boardRestored" } })).toBe(1);
  });

  it("staff find the community's posts as neighbours read them, flagged when the text holds a phone or a door", async () => {
    const { people, order } = await publicPost();
    const post = (await boardPosts(people.staffA)).items.find((p) => p.id === order.id);
    expect(post).toMatchObject({ title: "住1栋1单元*** 漏水", hidden: false, holds: { phone: true, room: true } });
    expect((await boardPosts(people.staffB)).items.some((p) => p.id === order.id)).toBe(false);
    await hideFromBoard(people.staffA, order.id, { note: "含门牌号" });
    expect((await boardPosts(people.staffA)).items.find((p) => p.id === order.id)?.hidden).toBe(true);
  });

  it("is for staff of the order's community only; a second hide changes nothing", async () => {
    const { people, order, place } = await publicPost();
    for (const outsider of [people.requester, people.neighbour, people.workerA1, people.secretaryA1, people.staffB, people.admin]) {
      await expect(hideFromBoard(outsider, order.id, { note: "x" })).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(hideFromBoard(people.staffA, order.id, { note: "" })).rejects.toMatchObject({ name: "ZodError" });
    await hideFromBoard(people.staffA, order.id, { note: "含门牌号" });
    await expect(hideFromBoard(people.staffA, order.id, { note: "再次" })).rejects.toMatchObject({ code: "conflict" });
    const unpublished = await place(people.requester, { isPublic: false, title: "私事" });
    await expect(hideFromBoard(people.staffA, unpublished.id, { note: "x" })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.orderEvent.count({ where: { orderId: order.id, type: "BOARD_HIDDEN" } })).toBe(1);
  });

  it("a hidden post cannot be rated by neighbours either", async () => {
    const { people, order } = await publicPost();
    await acceptOrder(people.workerA1, order.id);
    await completeOrder(people.workerA1, order.id, { note: "已修好" });
    await hideFromBoard(people.staffA, order.id, { note: "含门牌号" });
    await expect(rateOrder(people.neighbour, order.id, { goal: 1, timing: 1, form: 1, conduct: 1, comment: "" })).rejects.toMatchObject({ code: "not_found" });
  });
});
