// Moving a courtyard to another grid moves the responsibility for its open orders, with a
// timeline event on each, in the same transaction; closed orders keep their history.
import { describe, expect, it } from "vitest";
import { moveCourtyard, openOrdersMoving } from "@/domain/admin/courtyards";
import { db } from "@/server/db/client";
import { adminFixture, orderIn } from "../../support/admin-factories";
import { actorWithRole } from "../../support/factories";

describe("moving a courtyard to another grid", () => {
  it("carries its open orders to the new grid, and tells the new grid's workers", async () => {
    const { map, adminOfA } = await adminFixture();
    const placed = await orderIn(map.a1, "PLACED", map.A.id);
    const inProgress = await orderIn(map.a1, "IN_PROGRESS", map.A.id);
    const reopened = await orderIn(map.a1, "REOPENED", map.A.id);
    const closed = await orderIn(map.a1, "CLOSED", map.A.id);
    const workerA2 = await actorWithRole("GRID_WORKER", { gridId: map.A2.id }, "赵敏");

    expect(await openOrdersMoving(map.a1.id, map.A1.id)).toBe(3);
    const result = await moveCourtyard(adminOfA, map.a1.id, { gridId: map.A2.id });
    expect(result.movedOrders).toBe(3);

    expect((await db.courtyard.findUniqueOrThrow({ where: { id: map.a1.id } })).gridId).toBe(map.A2.id);
    for (const o of [placed, inProgress, reopened]) {
      const now = await db.order.findUniqueOrThrow({ where: { id: o.id }, include: { events: true } });
      expect(now.gridId).toBe(map.A2.id);
      expect(now.status).toBe(o.status);
      expect(now.events).toEqual([
        expect.objectContaining({
          type: "TRANSFERRED",
          actorId: adminOfA.userId,
          fromStatus: o.status,
          toStatus: o.status,
          note: "",
          params: { kind: "courtyardMoved", from: "第一网格", to: "第二网格" },
        }),
      ]);
    }
    const untouched = await db.order.findUniqueOrThrow({ where: { id: closed.id }, include: { events: true } });
    expect(untouched.gridId).toBe(map.A1.id);
    expect(untouched.events).toEqual([]);

    expect(await db.notification.count({ where: { userId: workerA2.userId, kind: "transferredIn" } })).toBe(3);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: map.a1.id, action: "courtyard.move" } });
    expect(audit.after).toMatchObject({ grid: "第二网格", movedOrders: 3 });
  });

  it("refuses a grid of another community, a deactivated grid and the same grid, changing nothing", async () => {
    const { map, adminOfA, adminOfAll } = await adminFixture();
    const order = await orderIn(map.a1, "PLACED", map.A.id);
    await expect(moveCourtyard(adminOfAll, map.a1.id, { gridId: map.B1.id })).rejects.toMatchObject({ message: "admin.moveTargetInvalid" });
    await expect(moveCourtyard(adminOfA, map.a1.id, { gridId: map.A1.id })).rejects.toMatchObject({ message: "admin.moveSameGrid" });
    await db.grid.update({ where: { id: map.A2.id }, data: { active: false } });
    await expect(moveCourtyard(adminOfA, map.a1.id, { gridId: map.A2.id })).rejects.toMatchObject({ message: "admin.moveTargetInvalid" });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).gridId).toBe(map.A1.id);
    expect(await db.orderEvent.count({ where: { orderId: order.id } })).toBe(0);
  });
});
