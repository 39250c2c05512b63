// 显示号码: staff of the order's community get the full number, and an audit row (without the
// number) is written with it; everyone else gets "not found" and nothing is written.
import { describe, expect, it } from "vitest";
import { revealRequesterPhone } from "@/domain/metrics/reveal";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { reviewFixture } from "./review-fixture";

const reveals = (orderId?: string) =>
  db.auditLog.findMany({ where: { action: "resident.revealContact", ...(orderId ? { after: { path: ["orderId"], equals: orderId } } : {}) } });

describe("revealing a requester's number", () => {
  it("returns the full number to staff of the community and logs who looked, at whose number, for which order", async () => {
    const { map, people, orders } = await reviewFixture();
    const requester = await db.user.findUniqueOrThrow({ where: { id: people.requester.userId } });
    expect(await revealRequesterPhone(people.staffA, orders.poor.id)).toEqual({ phone: requester.phone });
    const [row] = await reveals(orders.poor.id);
    expect(row).toMatchObject({
      actorId: people.staffA.userId,
      action: "resident.revealContact",
      entityType: "User",
      entityId: requester.id,
      communityId: map.A.id,
      after: { orderId: orders.poor.id, orderNumber: orders.poor.number },
    });
    expect(JSON.stringify(row)).not.toContain(requester.phone);
    // Each reveal is its own entry.
    await revealRequesterPhone(people.staffA, orders.poor.id);
    expect(await reveals(orders.poor.id)).toHaveLength(2);
  });

  it("is not found for staff of another community, for other roles and for an unknown order, and logs nothing", async () => {
    const { people, orders } = await reviewFixture();
    const before = (await reveals()).length;
    for (const outsider of [people.staffB, people.workerA1, people.secretaryA1, people.requester, people.neighbour, people.admin]) {
      const attempt = revealRequesterPhone(outsider, orders.poor.id);
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(revealRequesterPhone(people.staffA, "no-such-order")).rejects.toMatchObject({ code: "not_found" });
    await expect(revealRequesterPhone(people.staffA, orders.other.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await reveals()).length).toBe(before);
  });
});
