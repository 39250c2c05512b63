import { describe, expect, it } from "vitest";
import {
  acceptOrder,
  closeUnratedOrders,
  completeOrder,
  dispatchOrder,
  mergeOrder,
  rateOrder,
  recordProgress,
  sendBackToGrid,
  transferOrder,
  withdrawOrder,
} from "@/domain/orders/commands";
import { useChannels } from "@/domain/notifications/channels";
import { db } from "@/server/db/client";
import { loopFixture, SERVICE, tomorrow } from "./fixture";

const fiveStars = { goal: 5, timing: 5, form: 5, conduct: 5, comment: "很及时，谢谢！" };
const statusOf = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id } })).status;
const kindsFor = async (userId: string, orderId: string) =>
  (await db.notification.findMany({ where: { userId, orderId }, orderBy: { createdAt: "asc" } })).map((n) => n.kind);

describe("the four-order loop", () => {
  it("runs from the resident's order to the public's rating, with a timeline of every step", async () => {
    const { people, place } = await loopFixture();
    const { id } = await place();
    expect(await statusOf(id)).toBe("PLACED");
    expect((await acceptOrder(people.workerA1, id)).status).toBe("ACCEPTED");
    await dispatchOrder(people.secretaryA1, id, {
      plan: "联系物业更换灯泡，网格员跟进。",
      assignees: [
        { kind: "GRID_WORKER", userId: people.workerA1.userId },
        { kind: "OUTSIDE", name: "物业公司" },
      ],
      dueAt: tomorrow(),
    });
    expect(await statusOf(id)).toBe("IN_PROGRESS");
    await recordProgress(people.workerA1, id, { note: "物业已派电工。" });
    await completeOrder(people.workerA1, id, { note: "灯已更换。" });
    expect(await statusOf(id)).toBe("COMPLETED");
    expect((await rateOrder(people.requester, id, fiveStars)).status).toBe("CLOSED");

    const events = await db.orderEvent.findMany({ where: { orderId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ["PLACED", null, "PLACED"],
      ["ACCEPTED", "PLACED", "ACCEPTED"],
      ["DISPATCHED", "ACCEPTED", "IN_PROGRESS"],
      ["PROGRESS", "IN_PROGRESS", "IN_PROGRESS"],
      ["COMPLETED", "IN_PROGRESS", "COMPLETED"],
      ["RATED", "COMPLETED", "CLOSED"],
    ]);
    const order = await db.order.findUniqueOrThrow({ where: { id } });
    expect(order).toMatchObject({ closeReason: "RATED", acceptedById: people.workerA1.userId, completions: 1 });
    expect(await db.orderDispatch.count({ where: { orderId: id } })).toBe(1);

    expect(await kindsFor(people.workerA1.userId, id)).toEqual(expect.arrayContaining(["newOrder", "assigned"]));
    expect(await kindsFor(people.secretaryA1.userId, id)).toEqual(["awaitingDispatch"]);
    expect(await kindsFor(people.requester.userId, id)).toEqual(["statusChanged", "statusChanged", "statusChanged"]);
    expect(await kindsFor(people.workerA2.userId, id)).toEqual([]);
  });

  it("goes straight to handling when the category needs no dispatch", async () => {
    const { people, place } = await loopFixture();
    const { id } = await place(people.requester, { categoryId: SERVICE });
    expect((await acceptOrder(people.workerA1, id)).status).toBe("IN_PROGRESS");
    expect(await kindsFor(people.secretaryA1.userId, id)).toEqual([]);
  });

  it("sets the deadlines from the category and moves them with the work", async () => {
    const { people, place } = await loopFixture();
    const { id } = await place();
    const placed = await db.order.findUniqueOrThrow({ where: { id } });
    expect(placed.responseDueAt.getTime() - placed.createdAt.getTime()).toBe(24 * 3600_000);
    expect(placed.resolutionDueAt.getTime() - placed.createdAt.getTime()).toBe(15 * 86400_000);
    expect(placed.dueAt).toEqual(placed.responseDueAt);
    await acceptOrder(people.workerA1, id);
    expect((await db.order.findUniqueOrThrow({ where: { id } })).dueAt).toEqual(placed.resolutionDueAt);
    const planDue = tomorrow();
    await dispatchOrder(people.secretaryA1, id, { plan: "方案", assignees: [{ kind: "OUTSIDE", name: "物业公司" }], dueAt: planDue });
    expect((await db.order.findUniqueOrThrow({ where: { id } })).dueAt.toISOString()).toBe(planDue);
  });

  it("reopens a poorly rated order for staff, who send it back; the requester rates the new result", async () => {
    const { people, place } = await loopFixture();
    const { id } = await place(people.requester, { categoryId: SERVICE });
    await acceptOrder(people.workerA1, id);
    await completeOrder(people.workerA1, id, { note: "已处理。" });
    const poor = await rateOrder(people.requester, id, { ...fiveStars, conduct: 2, comment: "态度不好" });
    expect(poor.status).toBe("REOPENED");
    expect(await kindsFor(people.staffA.userId, id)).toEqual(["poorRating"]);
    expect(await kindsFor(people.staffB.userId, id)).toEqual([]);
    await sendBackToGrid(people.staffA, id, { note: "已电话回访，居民希望重新处理。" });
    expect(await statusOf(id)).toBe("IN_PROGRESS");
    await completeOrder(people.workerA1, id, { note: "重新处理完毕。" });
    expect((await rateOrder(people.requester, id, fiveStars)).status).toBe("CLOSED");
    expect(await db.orderRating.count({ where: { orderId: id } })).toBe(2);
  });

  it("closes an order left unrated as 未评价, once, and never as satisfied", async () => {
    const { people, place } = await loopFixture();
    const { id } = await place(people.requester, { categoryId: SERVICE });
    await acceptOrder(people.workerA1, id);
    await completeOrder(people.workerA1, id, { note: "已处理。" });
    await db.order.update({ where: { id }, data: { completedAt: new Date(Date.now() - 8 * 86400_000) } });
    const first = await closeUnratedOrders(7);
    expect(first).toBeGreaterThanOrEqual(1);
    const order = await db.order.findUniqueOrThrow({ where: { id } });
    expect(order).toMatchObject({ status: "CLOSED", closeReason: "UNRATED" });
    expect(await db.orderRating.count({ where: { orderId: id } })).toBe(0);
    await closeUnratedOrders(7);
    expect(await db.orderEvent.count({ where: { orderId: id, type: "CLOSED" } })).toBe(1);
  });

  it("moves a transferred order to the other grid, out of the first worker's reach", async () => {
    const { map, people, place } = await loopFixture();
    const { id } = await place();
    await transferOrder(people.workerA1, id, { gridId: map.A2.id, note: "该楼栋属于第二网格" });
    expect((await db.order.findUniqueOrThrow({ where: { id } })).gridId).toBe(map.A2.id);
    expect(await kindsFor(people.workerA2.userId, id)).toEqual(["transferredIn"]);
    await expect(acceptOrder(people.workerA1, id)).rejects.toMatchObject({ code: "not_found" });
    expect((await acceptOrder(people.workerA2, id)).status).toBe("ACCEPTED");
    await expect(transferOrder(people.workerA2, id, { gridId: map.B1.id, note: "x" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a transfer to a grid of another community", async () => {
    const { map, people, place } = await loopFixture();
    const { id } = await place();
    await expect(transferOrder(people.workerA1, id, { gridId: map.B1.id, note: "x" })).rejects.toMatchObject({ code: "invalid_input" });
    expect((await db.order.findUniqueOrThrow({ where: { id } })).gridId).toBe(map.A1.id);
  });

  it("merges a duplicate into the surviving order, which its requester can then follow", async () => {
    const { people, place } = await loopFixture();
    const survivor = await place();
    const duplicate = await place(people.neighbour, { title: "楼道灯不亮" });
    await mergeOrder(people.workerA1, duplicate.id, { targetNumber: survivor.number, note: "同一盏灯" });
    expect(await db.order.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({
      status: "CLOSED",
      closeReason: "MERGED",
      mergedIntoId: survivor.id,
    });
    const { getOrderDetail } = await import("@/features/orders/queries");
    const seen = await getOrderDetail(people.neighbour, survivor.id);
    expect(seen?.id).toBe(survivor.id);
  });

  it("lets the requester withdraw only before acceptance", async () => {
    const { people, place } = await loopFixture();
    const early = await place();
    expect((await withdrawOrder(people.requester, early.id, { note: "已自行解决" })).status).toBe("WITHDRAWN");
    const late = await place();
    await acceptOrder(people.workerA1, late.id);
    await expect(withdrawOrder(people.requester, late.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("keeps the change when notifying fails", async () => {
    const { people, place } = await loopFixture();
    const { id } = await place();
    const previous = useChannels([
      {
        name: "broken",
        deliver: async () => {
          throw new Error("SMS gateway down");
        },
      },
    ]);
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect((await acceptOrder(people.workerA1, id)).status).toBe("ACCEPTED");
    } finally {
      useChannels(previous);
      console.error = originalError;
    }
    expect(await statusOf(id)).toBe("ACCEPTED");
    expect(errors.length).toBeGreaterThan(0);
  });
});
